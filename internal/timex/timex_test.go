package timex

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/shareddata"
	"github.com/verbatim-news/verbatim/internal/tag"
)

// find segments and tags text, finds its dates, and writes each as
// "text=type value".
func find(tb testing.TB, text string, published time.Time) []string {
	tg, err := tag.Default()
	if err != nil {
		tb.Fatal(err)
	}
	d := &doc.Document{Text: text, Published: published}
	segment.New(lexicon.MustDefault()).Segment(d)
	tg.Tag(d)
	Default().Find(d)
	var out []string
	for _, t := range d.Dates {
		s := fmt.Sprintf("%s=%s %s", d.Slice(t.Span), t.Type, t.Value)
		if t.Mod != "" {
			s += " " + t.Mod
		}
		out = append(out, s)
	}
	return out
}

// A Friday, as the seed article's publication date is.
var friday = time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC)

func TestResolver_Find_Published(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The leaders met on Friday.", "Friday=date 2025-08-15"},
		{"They will meet again on Tuesday.", "Tuesday=date 2025-08-19"},
		{"Talks ended last Tuesday.", "last Tuesday=date 2025-08-12"},
		{"He has been in office since March 2022.", "March 2022=date 2022-03"},
		{"The region was annexed in 2014.", "2014=date 2014"},
		{"The vote is on 15 August 2025.", "15 August 2025=date 2025-08-15"},
		{"It was signed on Aug. 4, 2019.", "Aug. 4, 2019=date 2019-08-04"},
		{"Prices rose last week.", "last week=date 2025-W32"},
		{"Sales fell last month.", "last month=date 2025-07"},
		{"The plant closed three years ago.", "three years ago=date 2022"},
		{"Zelensky has accepted it in recent months.", "recent months=duration PXM"},
		{"It was a nearly three-hour meeting.", "nearly three-hour=duration PT3H LESS_THAN"},
		{"The war has lasted for the past two years.", "the past two years=duration P2Y"},
		{"He said today that it was over.", "today=date 2025-08-15"},
		{"She said yesterday morning it was over.", "yesterday morning=time 2025-08-14TMO"},
		{"The talks start at 10:30 a.m. Monday.", "10:30 a.m. Monday=time 2025-08-18T10:30"},
		{"Inflation peaked in the 1970s.", "the 1970s=date 197"},
		{"The building dates from the 19th century.", "the 19th century=date 18"},
		{"Profits rose in the third quarter.", "the third quarter=date 2025-Q3"},
		{"We will know more in the near future.", "the near future=date FUTURE_REF"},
		{"Rents are now higher.", "now=date PRESENT_REF"},
		{"They meet weekly.", "weekly=set P1W"},
		{"It rained every day.", "every day=set P1D"},
		{"The market opens in early December.", "early December=date 2025-12 START"},
		{"The ceasefire began in mid-2023.", "mid-2023=date 2023 MID"},
		{"Shops will close on Christmas Day.", "Christmas Day=date 2025-12-25"},
		{"It will be finished next year.", "next year=date 2026"},
		// A clock time with no day of its own takes the day its sentence
		// names, or the one "that evening" refers back to.
		{"The ferry will sail on Saturday and should dock by 11pm.", "Saturday=date 2025-08-16; 11pm=time 2025-08-16T23:00"},
		{"On Tuesday afternoon the crew tied up at 4.15pm.", "Tuesday afternoon=time 2025-08-12TAF; 4.15pm=time 2025-08-12T16:15"},
		{"The crew left harbour on Wednesday. That evening the boat put in at 9pm.", "Wednesday=date 2025-08-13; That evening=time 2025-08-13TEV; 9pm=time 2025-08-13T21:00"},
		{"The skipper said that night was the calmest of the trip.", ""},
		{"The crew left harbour on Wednesday. The boat put in at 9pm.", "Wednesday=date 2025-08-13; 9pm=time 2025-08-15T21:00"},
		// A month later in the year than the publication date, in a
		// clause in the past tense or the perfect, is last year's; not in
		// a passive, an infinitive or a clause of what is to come.
		{"The coach said he had wanted the winger since watching him score in October.", "October=date 2024-10"},
		{"The striker scored twice against Eastfield in November.", "November=date 2024-11"},
		{"The harbour festival is to be held in October.", "October=date 2025-10"},
		{"The board chose two sites for a depot to open in October.", "October=date 2025-10"},
		{"The ferry service was suspended until October.", "October=date 2025-10"},
		// A weekday ending a span that opens with a day is the first such
		// day after it.
		{"The search lasted from Tuesday morning until Thursday morning.", "Tuesday morning=time 2025-08-12TMO; Thursday morning=time 2025-08-14TMO"},
		{"The festival will run from Friday to Sunday.", "Friday=date 2025-08-15; Sunday=date 2025-08-17"},
		// A clock time right after an opening bracket.
		{"The quake struck at 03:42 local time on Friday (21:42 UTC on Thursday).", "03:42 local time on Friday=time 2025-08-15T03:42; 21:42 UTC on Thursday=time 2025-08-14T21:42"},
		{"Crews worked from last Friday until Monday.", "last Friday=date 2025-08-08; Monday=date 2025-08-11"},
		{"The shares were bought from 14 July to Thursday.", "14 July=date 2025-07-14; Thursday=date 2025-08-14"},
		// "the end of the quarter" in the past is the last quarter's
		// end, as "the quarter" is; "the start of the year" is this
		// year's.
		{"The company had 18,400 staff at the end of the quarter.", "the end of the quarter=date 2025-Q2 END"},
		{"The stock has gained 18% since the start of the year.", "the start of the year=date 2025 START"},
		// "more than" after a count compares the count, not the date.
		{"The firm employed 620 more than a year earlier.", "a year earlier=date 2024"},
		{"The plant closed more than a year ago.", "more than a year ago=date 2024 BEFORE"},
		// A half run in a time is a race's, no half of a year.
		{"She ran the second half in 1:10:09.", "1:10:09=duration PT1H10M9S"},
		{"Sales rose in the second half in 2024.", "the second half in 2024=date 2024-H2"},
		// "as many" years repeats the number before it.
		{"It was the second reduction in as many years.", "as many years=duration P2Y"},
		{"She won three titles in as many years.", "as many years=duration P3Y"},
		{"He has had as many years in office as she has.", "many years=duration PXY"},
		// A bracketed aside does not end the clause whose verb gives
		// the tense.
		{"Forecasters expect a low of 6C (43F) on Thursday night.", "Thursday night=time 2025-08-21TNI"},
		{"A weaker system could bring 30 mm (1.2 inches) of rain on Tuesday.", "Tuesday=date 2025-08-19"},
		{"The striker scored twice (his first league goals) in November.", "November=date 2024-11"},
		{"The service said a weaker system could bring another 30 to 40 mm (1.2 to 1.6 inches) of rain to the region over the weekend.", "the weekend=date 2025-W33-WE"},
	}
	for _, tt := range tests {
		got := strings.Join(find(t, tt.in, friday), "; ")
		if got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolver_Find_Unpublished(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The leaders met on Friday.", "Friday=date XXXX-WXX-5"},
		{"Sales fell last month.", "last month=date "},
		{"It was signed on March 22.", "March 22=date XXXX-03-22"},
		{"He has been in office since March 2022.", "March 2022=date 2022-03"},
		// A clock time keeps the weekday it is on.
		{"The gates shut at 7.45pm on Saturday.", "7.45pm on Saturday=time XXXX-WXX-6T19:45"},
		{"A flood alert stands until 6 a.m. on Thursday.", "6 a.m. on Thursday=time XXXX-WXX-4T06:00"},
		{"The count resumes Tuesday at 9:15.", "Tuesday at 9:15=time XXXX-WXX-2T09:15"},
		{"Divers went down on Sunday and surfaced by 3pm.", "Sunday=date XXXX-WXX-7; 3pm=time XXXX-WXX-7T15:00"},
		{"Divers went down on Sunday. That afternoon they surfaced.", "Sunday=date XXXX-WXX-7; That afternoon=time XXXX-WXX-7TAF"},
		{`Sanders spoke on Tuesday night: "Our win tonight will be answered."`, "Tuesday night=time XXXX-WXX-2TNI; tonight=time XXXX-WXX-2TNI"},
	}
	for _, tt := range tests {
		got := strings.Join(find(t, tt.in, time.Time{}), "; ")
		if got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolver_Find_NotDates(t *testing.T) {
	for _, in := range []string{
		"The company employs 2,014 people.",
		"She scored 2000 points.",
		"May I ask a question?",
		"Theresa May spoke to reporters.",
		"The index closed at 6.25 points.",
	} {
		if got := find(t, in, friday); len(got) != 0 {
			t.Errorf("Find(%q) = %q, want no dates", in, got)
		}
	}
}

// TestResolver_Find_SplitYears holds that a year running over two
// calendar years, a fiscal year or a season, is read whole as the two
// years it spans, in a text about fiscal years or seasons or with a noun
// that says so (else as TimeML annotates it: two years), and a fiscal
// year written "FY" as the year it is named by, lying within that year
// and the one before.
func TestResolver_Find_SplitYears(t *testing.T) {
	tests := []struct{ in, want, from, to, gran string }{
		{"The budget says borrowing falls in 2027-28.", "2027-28=date 2027/2028", "2027-01-01", "2029-01-01", "split year"},
		{"Spending in 2027/28 is higher, the budget says.", "2027/28=date 2027/2028", "2027-01-01", "2029-01-01", "split year"},
		{"The expedition of 1957-58 crossed the ice.", "1957=date 1957; 58=date 1958", "1957-01-01", "1958-01-01", "year"},
		{"They were third in the 2025/26 season.", "2025/26 season=date 2025/2026", "2025-01-01", "2027-01-01", "split year"},
		{"Receipts fell in the 2026-27 financial year.", "2026-27 financial year=date 2026/2027", "2026-01-01", "2028-01-01", "fiscal year"},
		{"He joined in the 1999-00 season.", "1999-00 season=date 1999/2000", "1999-01-01", "2001-01-01", "split year"},
		{"He joined in the 1999-2000 season.", "1999-2000 season=date 1999/2000", "1999-01-01", "2001-01-01", "split year"},
		{"FY2027 profit was flat.", "FY2027=date 2027", "2026-01-01", "2028-01-01", "fiscal year"},
		{"FY27 revenue rose.", "FY27=date 2027", "2026-01-01", "2028-01-01", "fiscal year"},
		{"The FY2027/28 plan was set.", "FY2027/28=date 2027/2028", "2027-01-01", "2029-01-01", "fiscal year"},
		{"Sales rose in fiscal 2026-27.", "fiscal 2026-27=date 2026/2027", "2026-01-01", "2028-01-01", "fiscal year"},
		// Not years over two calendar years: a month, a full date, two
		// years apart, a range of two years with no noun for such a year.
		{"Is this a valid date? 2015-12", "2015=date 2015", "2015-01-01", "2016-01-01", "year"},
		{"It opened on 2027-01-05.", "2027-01-05=date 2027-01-05", "2027-01-05", "2027-01-06", "day"},
		{"Output rose in 2027-29.", "2027=date 2027", "2027-01-01", "2028-01-01", "year"},
	}
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		d := &doc.Document{Text: tt.in, Published: friday}
		segment.New(lexicon.MustDefault()).Segment(d)
		tg.Tag(d)
		Default().Find(d)
		if len(d.Dates) == 0 {
			t.Errorf("Find(%q): no dates, want %q", tt.in, tt.want)
			continue
		}
		var all []string
		for _, dt := range d.Dates {
			all = append(all, fmt.Sprintf("%s=%s %s", d.Slice(dt.Span), dt.Type, dt.Value))
		}
		dt, got := d.Dates[0], strings.Join(all, "; ")
		if got != tt.want || dt.From.Format("2006-01-02") != tt.from || dt.To.Format("2006-01-02") != tt.to || dt.Granularity != tt.gran {
			t.Errorf("Find(%q) = %q [%s, %s) %s, want %q [%s, %s) %s", tt.in, got, dt.From.Format("2006-01-02"), dt.To.Format("2006-01-02"), dt.Granularity, tt.want, tt.from, tt.to, tt.gran)
		}
	}
}

func TestInterval(t *testing.T) {
	tests := []struct {
		v, from, to, gran string
	}{
		{"2025-08-15", "2025-08-15", "2025-08-16", "day"},
		{"2022-03", "2022-03-01", "2022-04-01", "month"},
		{"2014", "2014-01-01", "2015-01-01", "year"},
		{"2013-W11", "2013-03-11", "2013-03-18", "week"},
		{"2013-Q3", "2013-07-01", "2013-10-01", "quarter"},
		{"199", "1990-01-01", "2000-01-01", "decade"},
		{"19", "1900-01-01", "2000-01-01", "century"},
		{"2012-SU", "2012-06-01", "2012-09-01", "season"},
	}
	for _, tt := range tests {
		from, to, gran, ok := interval(tt.v)
		if !ok || from.Format("2006-01-02") != tt.from || to.Format("2006-01-02") != tt.to || gran != tt.gran {
			t.Errorf("interval(%q) = %s..%s %s %v, want %s..%s %s", tt.v, from.Format("2006-01-02"), to.Format("2006-01-02"), gran, ok, tt.from, tt.to, tt.gran)
		}
	}
	for _, v := range []string{"", "P3Y", "PRESENT_REF", "XXXX-WXX-5", "2013-13", "2013-W60", "abc"} {
		if _, _, _, ok := interval(v); ok {
			t.Errorf("interval(%q) ok, want not an interval", v)
		}
	}
}

func TestDurationValue(t *testing.T) {
	tests := []struct {
		n     float64
		unit  string
		vague bool
		want  string
	}{
		{3, "year", false, "P3Y"}, {3, "hour", false, "PT3H"}, {2.5, "year", false, "P2Y6M"},
		{5.5, "hour", false, "PT5H30M"}, {2, "decade", false, "P20Y"}, {0, "day", true, "PXD"},
		{90, "minute", false, "PT90M"},
	}
	for _, tt := range tests {
		if got := durationValue(tt.n, tt.unit, tt.vague); got != tt.want {
			t.Errorf("durationValue(%g, %q, %v) = %q, want %q", tt.n, tt.unit, tt.vague, got, tt.want)
		}
	}
}

func TestEaster(t *testing.T) {
	for y, want := range map[int]string{2013: "2013-03-31", 2024: "2024-03-31", 2025: "2025-04-20"} {
		if got := fmtDay(easter(y)); got != want {
			t.Errorf("easter(%d) = %s, want %s", y, got, want)
		}
	}
}

func FuzzResolver_Find(f *testing.F) {
	for _, s := range []string{
		"The leaders met on Friday, March 22, 2013 at 10:30 a.m.", "the 1990s and the '90s", "3:07:35",
		"nineteen ninety-six", "the first year of the war", "every other week", "2013-03-22", "3/22/13",
		"early next year", "the past several months", "twice a year", "mid-", "the",
	} {
		f.Add(s, true)
	}
	if b, err := os.ReadFile("../quantity/testdata/bench/article.txt"); err == nil {
		f.Add(string(b), true)
	}
	r := Default()
	f.Fuzz(func(t *testing.T, s string, published bool) {
		if !utf8.ValidString(s) {
			return
		}
		d := &doc.Document{Text: s}
		if published {
			d.Published = friday
		}
		r.Find(d)
		checkGates(t, s, d.Published)
		prev := 0
		for _, x := range d.Dates {
			if x.Start < prev || x.End > len(s) || x.Start >= x.End {
				t.Fatalf("date span %v out of order or bounds (text %d bytes)", x.Span, len(s))
			}
			if !utf8.RuneStart(s[x.Start]) || x.End < len(s) && !utf8.RuneStart(s[x.End]) {
				t.Fatalf("date span %v not on rune boundaries", x.Span)
			}
			prev = x.End
		}
	})
}

// checkGates checks, at every word of text, that each pattern the word's
// gate leaves out reads nothing there: the gates save work and never
// change a result.
func checkGates(t *testing.T, text string, published time.Time) {
	t.Helper()
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: text, Published: published}
	segment.New(lexicon.MustDefault()).Segment(d)
	tg.Tag(d)
	ru := newRun(d)
	for i := range ru.t.Words {
		for k, p := range patterns {
			if ru.gate[i]&(1<<k) != 0 {
				continue
			}
			if c, ok := p.read(ru, i); ok && c.end > i {
				t.Errorf("pattern %d reads %q at word %d (%q), outside its gate", k, text[ru.t.Words[c.first].Start:ru.t.Words[c.end-1].End], i, ru.w(i))
			}
		}
	}
}

func TestPatterns_Gates(t *testing.T) {
	texts := []string{
		"The leaders met on Friday, March 22, 2013 at 10:30 a.m. and again the 4th of July.",
		"In the '90s and ‘80s, and the 1990s, the twenty-first century, the 3rd quarter, twenty-first of May.",
		"It fell −5 points in ½ hour; ¾ of an hour later, -3 days ago, about a year ago, a few weeks earlier.",
		"Over the past two years, for years, in months, several days, recent weeks, the first nine months.",
		"Christmas Eve, Valentine's Day, St. Patrick's Day, last Thanksgiving, Easter Sunday 2019, New Year's Eve.",
		"daily, twice a year, per month, every other week, each morning, 2,000 barrels a day, once a week.",
		"right now, at present, at the time, these days, in the near future, soon, the year two thousand and five.",
		"nineteen ninety-six, mid-2022, early 2011, the end of 2012, fiscal year 2013, the first year of the war.",
		"noon, midnight, yesterday at noon, tomorrow morning, tonight, this afternoon, last night, 15:00 GMT Saturday.",
		"2013-03-22 3/22/2013 22/3/13 3:07:35 8pm 2.30pm 8 o'clock Friday's vote, the weekend, last spring.",
		"This Friday at noon, this morning, this fiscal year, this winter, at least two years, at most a week ago.",
		"A mere week, a couple of days, an hour-long wait, a-day, a day, an hour, the year two thousand, the final days.",
		"The third quarter, the fiscal first quarter, the past decade, the next few months, the opening week of the talks.",
		"FY2027, FY27, FY 2026, FY2027/28, FY27-28, fiscal 2026-27, the 2025/26 season, the 2026–27 financial year, 2027-28.",
	}
	for _, text := range texts {
		checkGates(t, text, friday)
		checkGates(t, text, time.Time{})
		checkGates(t, strings.ToLower(text), friday)
	}
}

func TestPatterns_GatesOnDev(t *testing.T) {
	dir := shareddata.Dir(t, "polnear", "dev", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Skip("no PolNeAR dev texts")
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		checkGates(t, string(b), friday)
	}
}

func ExampleResolver_Find() {
	d := &doc.Document{
		Text:      "The talks ended on Friday, and the war has gone on since March 2022.",
		Published: time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC),
	}
	segment.New(lexicon.MustDefault()).Segment(d)
	Default().Find(d)
	for _, t := range d.Dates {
		fmt.Printf("%q %s %s (%s)\n", d.Slice(t.Span), t.Type, t.Value, t.Granularity)
	}
	// Output:
	// "Friday" date 2025-08-15 (day)
	// "March 2022" date 2022-03 (month)
}

func BenchmarkResolver_Find(b *testing.B) {
	text, err := os.ReadFile("../quantity/testdata/bench/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	tg, err := tag.Default()
	if err != nil {
		b.Fatal(err)
	}
	d := &doc.Document{Text: string(text), Published: friday}
	segment.New(lexicon.MustDefault()).Segment(d)
	tg.Tag(d)
	r := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Find(d)
	}
}

func TestResolver_Find_MayEndsSentence(t *testing.T) {
	checkFinds(t, friday, []findCase{
		{"The ferry docked on 14 May. Nobody was hurt.", "14 May=date 2025-05-14"},
		{"The ferry docked in May. Nobody was hurt.", "May=date 2025-05"},
	})
}

// findCase is a text and the dates find gives it, joined by "; ".
type findCase struct{ in, want string }

// checkFinds checks the dates of each case's text, published on the day
// given (none when zero).
func checkFinds(t *testing.T, published time.Time, tests []findCase) {
	t.Helper()
	for _, tt := range tests {
		if got := strings.Join(find(t, tt.in, published), "; "); got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// With no publication date, the article's own full dates give the
// missing years and days.
func TestResolver_Find_AnchoredByFullDates(t *testing.T) {
	tests := []findCase{
		// The weekday decides the year: 14 May is a Wednesday only in
		// 2025 of the years around the article's full dates.
		{"The ferry Osprey sailed on 2 February 2023 and reached Kestrel Island on Wednesday, 14 May. Its charter runs until 30 June 2026.",
			"2 February 2023=date 2023-02-02; Wednesday, 14 May=date 2025-05-14; 30 June 2026=date 2026-06-30"},
		// No year fits the weekday: the date keeps no year.
		{"The ferry Osprey sailed on 2 February 2023 and reached Kestrel Island on Monday, 14 May.",
			"2 February 2023=date 2023-02-02; Monday, 14 May=date XXXX-05-14"},
		// No weekday: the year nearest the latest full date of the past
		// (not the birth date nearest before it).
		{"Mirela Dant died on 3 November 2024. She was born on 8 April 1951. Her funeral will be on 12 November.",
			"3 November 2024=date 2024-11-03; 8 April 1951=date 1951-04-08; 12 November=date 2024-11-12"},
		{"The harbour froze on 28 December 2024. The ice broke on 4 January.",
			"28 December 2024=date 2024-12-28; 4 January=date 2025-01-04"},
		// A weekday alone counts from the last date stated with its
		// weekday.
		{"Mirela Dant died on Sunday, 3 November 2024. On Monday her club said it would fly its flag at Saturday's match.",
			"Sunday, 3 November 2024=date 2024-11-03; Monday=date 2024-11-04; Saturday=date 2024-11-09"},
		{"Mirela Dant died on Sunday, 3 November 2024. She had been taken to hospital on Friday.",
			"Sunday, 3 November 2024=date 2024-11-03; Friday=date 2024-11-01"},
		// A day found by its weekday anchors the weekdays after it.
		{"The ferry Osprey sailed on 2 February 2024 and reached Kestrel Island on Tuesday, 14 May. Its crew will come ashore on Friday.",
			"2 February 2024=date 2024-02-02; Tuesday, 14 May=date 2024-05-14; Friday=date 2024-05-17"},
		// A weekday stated wrongly anchors nothing.
		{"Mirela Dant died on Monday, 3 November 2024. On Tuesday her club paid tribute.",
			"Monday, 3 November 2024=date 2024-11-03; Tuesday=date XXXX-WXX-2"},
	}
	checkFinds(t, time.Time{}, tests)
	// "Yesterday" in a quotation counts from the day it was spoken.
	checkFinds(t, time.Time{}, []findCase{
		{"Halvorsen, speaking late on Thursday, said the yard was safe. Asked about the strike, she said: \u201cIt is calmer than yesterday.\u201d",
			"Thursday=date XXXX-WXX-4; yesterday=date XXXX-WXX-3"},
		{"\u201cWe sail tomorrow,\u201d the captain said on Sunday, 3 November 2024.",
			"tomorrow=date 2024-11-04; Sunday, 3 November 2024=date 2024-11-03"},
		// Outside a quotation, "yesterday" keeps no day.
		{"Halvorsen spoke on Thursday. The yard was calmer yesterday.",
			"Thursday=date XXXX-WXX-4; yesterday=date "},
	})
	// The publication date, when known, still decides.
	in := "The ferry Osprey sailed on 2 February 2023 and reached Kestrel Island on Wednesday, 14 May. Its crew came ashore on Friday."
	want := "2 February 2023=date 2023-02-02; Wednesday, 14 May=date 2025-05-14; Friday=date 2025-08-15"
	if got := strings.Join(find(t, in, friday), "; "); got != want {
		t.Errorf("Find(%q) published = %q, want %q", in, got, want)
	}
}

// Words in a name or for a newspaper are not dates.
func TestResolver_Find_NamesNotDates(t *testing.T) {
	tests := []findCase{
		{"Halvorsen told the Oslo daily Kestrel Posten that the yard would close.", ""},
		{"Halvorsen told the Norwegian weekly that the yard would close.", ""},
		{"The story ran in the weekly Harbour Voice.", ""},
		{"The yard publishes its figures daily.", "daily=set P1D"},
		{"The Norwegian daily average rose.", "daily=set P1D"},
		{"Only 40 of its 600 daily sailings ran.", "daily=set P1D"},
		{"Gifts went to the Second Half Trust, a charity.", ""},
		{"She skated at the Winter Games in Kestrel.", ""},
		{"The Second Half Trust was founded in the second half of 2019.", "the second half of 2019=date 2019-H2"},
		{"The vote was on Friday Halvorsen said.", "Friday=date 2025-08-15"},
		{"Yesterday Kestrel Ferries cut its fares.", "Yesterday=date 2025-08-14"},
		{"Ferry Talks Resume Next Week In Oslo", "Next Week=date 2025-W34"},
	}
	checkFinds(t, friday, tests)
}

// TestResolver_Find_Rules holds a case or more for each rule, by the
// rule, on the seed article's publication date.
func TestResolver_Find_Rules(t *testing.T) {
	for rule, cases := range map[string][]findCase{
		// A time with a full stop between hours and minutes is a time
		// before a time zone, as before "am" or "pm".
		"dotted clock": {
			{"The signal reached Port Varna at 14.52 local time.", "14.52 local time=time 2025-08-15T14:52"},
			{"The polls closed at 21.00 GMT.", "21.00 GMT=time 2025-08-15T21:00"},
			{"The rover woke at 06.15 Kestrel time.", "06.15 Kestrel time=time 2025-08-15T06:15"},
			{"The index closed at 6.25 points.", ""},
			{"The night train leaves at 23.10 (AEST) and the bus at 7.45pm (NZST).", "23.10=time 2025-08-15T23:10; 7.45pm=time 2025-08-15T19:45"},
		},
		// Four digits before a time zone are a clock time.
		"four-digit clock": {
			{"The vote ended at 0100 GMT in Tarrow.", "0100 GMT=time 2025-08-15T01:00"},
			{"The vote ended close to 2 a.m. local time (0100 GMT) in Tarrow.", "2 a.m. local time=time 2025-08-15T02:00"},
			{"Launch is set for 1430 UTC, and 300 people watched.", "1430 UTC=time 2025-08-15T14:30"},
			{"The shop sold 0900 GMT-branded watches.", ""},
		},
		// A clock time with no day of its own takes no day from another
		// such time after it, but from the day after both.
		"bare times before their day": {
			{"The ferries sail at 9:20 a.m. and 6:20 p.m. from Tarrow pier on Tuesday.", "9:20 a.m.=time 2025-08-12T09:20; 6:20 p.m.=time 2025-08-12T18:20; Tuesday=date 2025-08-12"},
			{"The index rose 14.52 in local trading.", ""},
		},
		// "current" before a noun for a thing's form tells how, not when.
		"current form": {
			{"The plan in its current form would close the yard.", ""},
			{"Its current wording is vague, but current rules apply now.", "current=date PRESENT_REF; now=date PRESENT_REF"},
		},
		// A season hyphened to a word is an adjective, not a date.
		"season in a compound": {
			{"Forecasters expect the winter-like chill to ease, and this summer-long feud goes on.", ""},
			{"The ferry ran in the spring.", "the spring=date 2025-SP"},
		},
		// "current account" is a kind of bank account or a country's
		// balance of trade, not a time.
		"current account": {
			{"Fees on current accounts at Harbury Bank rose, and the current-account deficit widened.", ""},
			{"Savers moved current account balances this week, current figures show.", "this week=date 2025-W33; current=date PRESENT_REF"},
		},
		// A weekday after "this", "last" or "next" and a comma before a
		// date is that date.
		"weekday before its date": {
			{"In this Sunday, Aug. 3, 2025, photo, ferries wait at the quay.", "this Sunday, Aug. 3, 2025=date 2025-08-03"},
			{"The crew sailed last Monday, 11 August, from Varna.", "last Monday, 11 August=date 2025-08-11"},
			{"The pier reopens next Friday, August 22.", "next Friday, August 22=date 2025-08-22"},
			{"The pier reopens this Friday, at 10am.", "this Friday=date 2025-08-15; 10am=time 2025-08-15T10:00"},
		},
		// "the previous year" is the year before the last one its
		// sentence names.
		"previous year": {
			{"Yards last year built 40 hulls, up 4% from the previous year.", "last year=date 2024; the previous year=date 2023"},
			{"In 2019 the port grew 5% on the previous year.", "2019=date 2019; the previous year=date 2018"},
			{"Orders in June fell from the previous month.", "June=date 2025-06; the previous month=date 2025-05"},
			{"The previous year was worse.", "The previous year=date 2024"},
		},
		// A game's clock is no time of day.
		"game clock": {
			{"Lund scored at 7:14 of the first period and again 17:46 into the third period.", ""},
			{"Okafor scored at 12:05 in second-half play, and the lead held.", ""},
			{"The ferry left at 7:14 and docked at 9:40 in the first half of the year.", "7:14=time 2025-08-15T07:14; 9:40=time 2025-08-15T09:40; the first half=date 2025-H1"},
			{"The Rams led with 2:31 left.", ""},
		},
		// The start or end of a date after "of": "the early hours of
		// Dec. 8".
		"part of a date": {
			{"Rebels entered the port in the early hours of Aug. 8.", "the early hours of Aug. 8=date 2025-08-08 START"},
			{"The storms of the last quarter of 2026 were worse.", "the last quarter of 2026=date 2026-Q4"},
			{"The storms of the last quarter in 2023 were worse.", "the last quarter in 2023=date 2023-Q4"},
		},
		// "a day after" says how long after, not how often.
		"a day after": {
			{"The strike comes a day after the talks, and ferries sail twice a day.", "a day=duration P1D; a day=set P1D"},
		},
		// A telephone number written in groups holds no year, nor does a
		// stock index's name.
		"telephone number": {
			{"Tips go to the desk at 206-464-2067 or (312) 555-2019 before the 2026 season.", "2026=date 2026"},
			{"The Russell 2000 rose in 2024 while the Vestry 1990 index fell.", "2024=date 2024"},
		},
		// A comma after the month of a full date is a slip: the day and
		// the year still make the date.
		"comma after the month": {
			{"In this photo dated Tuesday, Nov, 29, 2016 the rocket stands on its pad.", "Tuesday, Nov, 29, 2016=date 2016-11-29"},
			{"Sales peaked in May, 12 stores closed in 2016.", "May=date 2025-05; 2016=date 2016"},
		},
		// A month after "the" or a possessive before a noun it modifies
		// is a date.
		"month before a noun": {
			{"Fleet sales fell from the March high of 21.8 percent.", "March=date 2025-03"},
			{"Brevik's June output beat forecasts.", "June=date 2025-06"},
			{"The May government fell and the March on Westfold went ahead.", ""},
			{"The March Hare ran.", ""},
		},
		// A duration and a smaller unit after "and" are one duration.
		"and smaller unit": {
			{"After two years and seven months at sea, the Halcyon docked.", "two years and seven months=duration P2Y7M"},
			{"The count took three hours and 20 minutes.", "three hours and 20 minutes=duration PT3H20M"},
			{"The storm lasted a day and six hours.", "a day and six hours=duration P1DT6H"},
			{"It sailed for two weeks and three days.", "two weeks and three days=duration P17D"},
			{"The refit took a year and two months and five days.", "a year and two months and five days=duration P1Y2M5D"},
			{"The Halcyon left two years and three months ago.", "two years=duration P2Y; three months ago=date 2025-05"},
			{"It took three months and two years.", "three months=duration P3M; two years=duration P2Y"},
			{"She won in 2 hours 19 minutes 41 seconds.", "2 hours 19 minutes 41 seconds=duration PT2H19M41S"},
			{"The pace was 3 minutes 19 seconds per kilometre.", "3 minutes 19 seconds=duration PT3M19S"},
			{"It ran 24 hours a day, 7 days a week.", "24 hours=duration PT24H; 7 days=duration P7D"},
			{"The probe stopped sending data 6 ½ minutes after lift-off.", "6 ½ minutes=duration PT6M30S"},
		},
		// A half or quarter of a game, a season, a month or a century is
		// no calendar half or quarter: one "of" no year, or one with no
		// year in a paragraph that reports a game.
		"part of a game": {
			{"Kestrel United led 2-1 at the break, and Dario Venn headed in a third in the second half.", ""},
			{"Venn scored twice. The first half had been dull.", ""},
			{"The Otters trailed by nine points in the third quarter and never recovered.", "the third quarter=date 2025-Q3"},
			{"The Otters won 88-71, pulling away in the third quarter.", ""},
			{"The hosts were down to ten men eight minutes into the second half.", "eight minutes=duration PT8M"},
			{"The port was busiest in the second half of July and in the first half of the 19th century.", "July=date 2025-07; the 19th century=date 18"},
			{"Cargo rose in the second half of the year, and the board expects a 5-4 vote in the first half of next year.", "the second half=date 2025-H2; the first half of next year=date 2026-H1"},
			{"The yard won three contracts in the first half, its chief said.", "the first half=date 2025-H1"},
			{"The yard posted a loss for the third quarter of $2.1 million.", "the third quarter=date 2025-Q3"},
			{"The Otters reached the quarter-finals this quarter.", "this quarter=date 2025-Q3"},
			{"The yard lost money in the fourth quarter of last year.", "the fourth quarter of last year=date 2024-Q4"},
		},
		// "today", "tonight" or "yesterday" in a quotation counts from the
		// day named beside the word of speaking, in the week before the
		// publication date; else from the publication date.
		"quoted day": {
			{`"We knew tonight would be tough," coach Ana Brill said after the game on Tuesday. "Today we showed heart."`, "tonight=time 2025-08-12TNI; Tuesday=date 2025-08-12; Today=date 2025-08-12"},
			{`"Yesterday was hard," Brill said on Wednesday.`, "Yesterday=date 2025-08-12; Wednesday=date 2025-08-13"},
			{`"Today we rest," Brill said ahead of Sunday's final.`, "Today=date 2025-08-15; Sunday=date 2025-08-10"},
			{`"Tonight we rest." The club lost on Tuesday.`, "Tonight=time 2025-08-15TNI; Tuesday=date 2025-08-12"},
		},
		// "the following" or "the next" and a number with no noun take
		// the unit of the duration their sentence states before them.
		"elided unit": {
			{"Orlov signed for the next five years, and Lind for the following seven.", "the next five years=duration P5Y; the following seven=duration P7Y"},
			{"Orlov signed for the next five years, and the following seven players left.", "the next five years=duration P5Y"},
			{"The club won the next seven.", ""},
		},
		// A whole and a half of a unit is one duration, its half in the
		// next smaller unit as TimeBank writes fractions ("P1Y6M").
		"and a half": {
			{"The crews stayed one-and-a-half days at the quay.", "one-and-a-half days=duration P1DT12H"},
			{"The crews stayed one and a half days at the quay.", "one and a half days=duration P1DT12H"},
			{"The refit lasted a year and a half, the survey two and a half years.", "a year and a half=duration P1Y6M; two and a half years=duration P2Y6M"},
			{"The drought lasted two years and a half.", "two years and a half=duration P2Y6M"},
			{"The vote took one-and-a-half hours, the count an hour and a half.", "one-and-a-half hours=duration PT1H30M; an hour and a half=duration PT1H30M"},
			{"One day the quay will reopen.", ""},
		},
	} {
		t.Run(rule, func(t *testing.T) { checkFinds(t, friday, cases) })
	}
}
