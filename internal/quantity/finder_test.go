package quantity

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/tag"
)

// find runs the default Finder on text (not segmented) and writes each
// quantity as "text=value unit [qualifier] kind".
func find(tb testing.TB, text string) []string {
	f, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	d := &doc.Document{Text: text}
	f.Find(d)
	var out []string
	for _, q := range d.Quantities {
		s := d.Slice(q.Span) + "=" + strconv.FormatFloat(q.Value, 'g', 6, 64)
		if q.IsRange() {
			s += ".." + strconv.FormatFloat(q.Max, 'g', 6, 64)
		}
		if q.Unit != "" {
			s += " " + q.Unit
		}
		if q.Qualifier != "" {
			s += " [" + q.Qualifier + "]"
		}
		out = append(out, s+" "+q.Kind)
	}
	return out
}

func TestFinder_Find(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"hedged length with conversion", "the front stretches for at least 1,000 kilometres (680 miles)",
			[]string{"1,000 kilometres=1000 kilometre [at least] length", "680 miles=680 mile length"}},
		{"share with hedge", "Russia occupies about a fifth of Ukraine", []string{"a fifth=0.2 [about] fraction"}},
		{"compound adjective", "a nearly three-hour meeting", []string{"three-hour=3 hour [nearly] duration"}},
		{"money with scale", "a deal worth $2.3bn and £8.10 million", []string{"$2.3bn=2.3e+09 dollar money", "£8.10 million=8.1e+06 pound sterling money"}},
		{"money after number", "420 million Finnish markka", []string{"420 million Finnish markka=4.2e+08 finnish markka money"}},
		{"percent", "turnout rose to 64.5% from 58 per cent", []string{"64.5%=64.5 percentage percent", "58 per cent=58 percentage percent"}},
		{"range in words", "it will take two to three weeks", []string{"two to three weeks=2..3 week duration"}},
		{"gallons of a country", "a 50-litre tank (13.2 US gallons, 11 imperial gallons)",
			[]string{"50-litre=50 litre volume", "13.2 US gallons=13.2 gallon volume", "11 imperial gallons=11 imperial gallon volume"}},
		{"range with dash", "10-15 exabytes of data", []string{"10-15 exabytes=10..15 exabyte data"}},
		{"between range", "between 44 and 50 mg", []string{"44 and 50 mg=44..50 milligram mass"}},
		{"score", "the council voted 7-2 on Tuesday", []string{"7-2=7..2 score"}},
		{"years and dates are not quantities", "in March 2022 and on 15 August 2025, in 2014", nil},
		{"labels are not quantities", "Article 5 of the treaty and the F-16 jets", nil},
		{"times are not quantities", "at 10:30 and at 5 pm", nil},
		{"over before a compound adjective is a preposition", "Talks stall over 40 million-euro bridge plan; the firm paid over 2 million euros",
			[]string{"40 million-euro=4e+07 euro money", "2 million euros=2e+06 euro [over] money"}},
		{"pronoun one", "one of the scenarios is to give up territory", nil},
		{"count", "the fire destroyed 105 homes", []string{"105=105 count"}},
		{"temperature", "highs of 30C (86F) are forecast", []string{"30C=30 degree Celsius temperature", "86F=86 degree fahrenheit temperature"}},
		{"temperature difference", "it would lock in 1.9C (3.4F) of warming, a rise of 2 degrees Celsius", []string{"1.9C=1.9 degree Celsius temperature difference", "3.4F=3.4 degree fahrenheit temperature difference", "2 degrees Celsius=2 degree Celsius temperature difference"}},
		{"temperature below freezing", "nights of 5 degrees Celsius below freezing", []string{"5 degrees Celsius=5 degree Celsius temperature"}},
		{"fraction in a compound word", "flags flew at half-mast, and his half-brother ran a half-hour", []string{"a half-hour=0.5 hour duration"}},
		{"elided unit", "builders promise 90 days and deliver 120 than the reverse. It ran 12 km but felt like 20, and 30 people came. It weighs 2 kg and 3 is the count.", []string{"90 days=90 day duration", "120=120 day duration", "12 km=12 kilometre length", "20=20 kilometre length", "30=30 count", "2 kg=2 kilogram mass", "3=3 count"}},
		{"currency of a people the table does not know", "the refit cost 1.34 billion Arcadian crowns, 60 million crowns over budget", []string{"1.34 billion Arcadian crowns=1.34e+09 arcadian crown money", "60 million crowns=6e+07 crown money"}},
		{"crowns without money are no currency", "she has won two crowns", []string{"two=2 count"}},
		{"a rate from when it starts", "an extra €40 a week from January and $2 a day from the spring, a year from now", []string{"€40 a week=40 euro per week money rate", "$2 a day=2 dollar per day money rate"}},
		{"a currency several countries name alike", "the government released 2.5 billion dinars ($23 million)", []string{"2.5 billion dinars=2.5e+09 dinar money", "$23 million=2.3e+07 dollar money"}},
		{"grouped digits after a name are no label", "Piik won 12,400 votes and Saar 10,100 on Voyager 2", []string{"12,400=12400 count", "10,100=10100 count"}},
		{"pounds are money with a scale", "he spent 20 million pounds on it", []string{"20 million pounds=2e+07 pound sterling money"}},
		{"pounds are mass", "she lost 25 pounds", []string{"25 pounds=25 pound-mass mass"}},
		{"area", "58,000 sq km", []string{"58,000 sq km=58000 square kilometre area"}},
		{"a stock index's name is no count", "The S&P 500 index gained 0.4% and the FTSE 100 lost 12 points, while the Vestry 250 index and the Nasdaq 8,570.66 held", []string{"0.4%=0.4 percentage percent", "12=12 count", "8,570.66=8570.66 count"}},
		{"the labels of a gallery", "Image 1 of 9 shows the quay; page 3 of 12 lists 40 ships; Photo 2 of / 7", []string{"40=40 count"}},
		{"players against players are no count", "a one-on-one meeting, a two-on-one rush and a 3-on-3 game", nil},
		{"a number word in capitals inside a name", "the Big Three carmakers and the Group of Seven met on Air Force One, and Three Men Held", []string{"Three=3 count"}},
		{"a number word in capitals between the capitalised words of a name", "she will run the Coastal Half Marathon and the Harbour Ten Miles within two weeks", []string{"two weeks=2 week duration"}},
		{"a number word in capitals in a headline in title case", "Police Hold Three Men After Harbour Raid", []string{"Three=3 count"}},
		{"a height in feet and inches joined by hyphens", "Isabelle, blond and 5-foot-11, has three children and a 6-foot wall", []string{"5-foot-11=5.91667 foot length", "three=3 count", "6-foot=6 foot length"}},
		{"a vote's two sides after a verb of its outcome are no range", "the amendment failed 3 to 8, the bill passed 52 to 48 by a vote of 4 to 11, and prices rose 3 to 8 percent", []string{"3=3 count", "8=8 count", "52=52 count", "48=48 count", "4=4 count", "11=11 count", "3 to 8 percent=3..8 percentage percent"}},
		{"a building's number on a street", "the envoy lives at 24 Sussex Drive, near 10 Harbour Street, and 3 Words On Highway Signs", []string{"3=3 count"}},
		{"one before a modal is a pronoun", "All one need do is ask, and one shall see.", nil},
		{"an emergency number is no count", "Residents made 911 calls, a 999 operator answered, and 911 people fled", []string{"911=911 count"}},
		{"a count its owner's name possesses", "Greens won more of Parliament’s 343 seats, and Standard & Poor's 500 rose", []string{"343=343 count"}},
		{"a plural of a round number is vague", "lenders put up 10s of billions and 100s of people queued for 10s", []string{"10s=10 second duration"}},
		{"a telephone number in groups is no figure", "Readers can call 206-464-2067, 1-800-555-0199 or (312) 555-0148 about the 10-12 ferries and 2-1 win", []string{"10-12=10..12 count", "2-1=2..1 score"}},
		{"a unit and a half", "the refit took a year and a half, then two years and a half, and a pound and a half of nails", []string{"a year and a half=1.5 year duration", "two years and a half=2.5 year duration", "a pound and a half=1.5 pound-mass mass"}},
		{"a number after the following takes the unit of the duration before", "Orlov signed for the next five years, and Lind for the following seven; the next two players left", []string{"five years=5 year duration", "seven=7 year duration", "two=2 count"}},
		{"an exchange rate per a currency", "the Arcadian yen firmed to 108.55 per dollar while the fund fixed Rs 39.29 per euro", []string{"108.55 per dollar=108.55 japanese yen per dollar exchange rate", "Rs 39.29 per euro=39.29 indian rupee per euro exchange rate"}},
		{"an exchange rate with no currency named", "the ratio stood at 4.2 per dollar", []string{"4.2=4.2 count"}},
		{"a quarter or half of a percentage point", "the bank cut its rate by a quarter-point and yields rose more than half a percentage point", []string{"a quarter-point=0.25 percentage percent", "half a percentage point=0.5 percentage [more than] percent"}},
		{"a half-point that is no percentage point", "the grandmaster took a half-point from the draw", []string{"a half=0.5 fraction"}},
		{"decimal comma before a scale", "the mine lost R1,2-million, will spend R3,5 billion and borrow €2,5 milliards; R1,250 million is owed", []string{"R1,2-million=1.2e+06 south african rand money", "R3,5 billion=3.5e+09 south african rand money", "€2,5 milliards=2.5e+09 euro money", "R1,250 million=1.25e+09 south african rand money"}},
		{"scale after a hyphen", "Ottawa pledged a $1-billion fund and $2.5-billion in loans", []string{"$1-billion=1e+09 dollar money", "$2.5-billion=2.5e+09 dollar money"}},
		{"mixed number with hyphens", "a 1-1/2 year feud and a three-and-a-half-hour session", []string{"1-1/2 year=1.5 year duration", "three-and-a-half-hour=3.5 hour duration"}},
		{"speed", "winds of 120 km/h", []string{"120 km/h=120 kilometre per hour speed"}},
		{"rate", "1.2 million barrels per day", []string{"1.2 million barrels per day=1.2e+06 barrel per day volume rate"}},
		{"age", "a 20-year-old student", []string{"20-year-old=20 year age"}},
		{"age after aged", "Oskar Lind, who has died aged 83, sailed", []string{"83=83 year age"}},
		{"earthquake magnitudes", "a magnitude 6.8 earthquake, a 5.2-magnitude aftershock and a 4.1 magnitude tremor hit 3 towns", []string{"6.8=6.8 magnitude", "5.2=5.2 magnitude", "4.1=4.1 magnitude", "3=3 count"}},
		{"ages after aged", "it followed 900 adults aged 55 to 80 and 40 pupils of 11 to 16", []string{"900=900 count", "55 to 80=55..80 year age", "40=40 count", "11 to 16=11..16 count"}},
		{"age at an event", "she left Tarn at the age of nine and at age 12 came back", []string{"nine=9 year age", "12=12 year age"}},
		{"age at death", "Ruth Morane dies at 91", []string{"91=91 year age"}},
		{"age as predicate", "He was 64. She is now 58, and he was 3 when", []string{"64=64 year age", "58=58 year age", "3=3 year age"}},
		{"age between commas after a name", "Greta, 34, a nurse, and Ivo Pell, now 76, said", []string{"34=34 year age", "76=76 year age"}},
		{"age after a person's noun", "the skipper, now 62, recalled that his aunt, 70, and the couple's younger son, 9, had sailed", []string{"62=62 year age", "70=70 year age", "9=9 year age"}},
		{"counts after nouns are not ages", "the plan, now 40, the team, 11, and his side, 3, lost", []string{"40=40 count", "11=11 count", "3=3 count"}},
		{"counts are not ages", "It was 64. In May, 12, 14 and 16 seats fell; he was 5 points clear", []string{"64=64 count", "12=12 count", "14=14 count", "16=16 count", "5=5 count"}},
		{"feet and inches", "he is 6 ft 2 in tall", []string{"6 ft 2 in=6.16667 foot length"}},
		{"shared unit", "3 or 4 per cent", []string{"3=3 percentage percent", "4 per cent=4 percentage percent"}},
		{"url", "see https://example.com/a?x=30%25 for 20% more", []string{"20%=20 percentage percent"}},
		{"range of rates", "copper traded from $8 per kg to $9.50 per kg", []string{"$8 per kg to $9.50 per kg=8..9.5 dollar per kilogram money per mass"}},
		{"range after a verb of change", "the dose was cut from 20 mg to 15 mg", []string{"20 mg to 15 mg=15..20 milligram mass"}},
		{"range from a negative", "it is stored at -20-4 degrees Celsius", []string{"-20-4 degrees Celsius=-20..4 degree Celsius temperature"}},
		{"bracketed sum stated is negative", "the quarterly result was ($3.2m).", []string{"($3.2m)=-3.2e+06 dollar money"}},
		{"bracketed sum after a noun", "a day pass ($12) covers all lines", []string{"$12=12 dollar money"}},
		{"designation", "the quasar QSO J0842+1835 is faint", nil},
		{"four-digit measure", "the relay covered 2400 km in a week", []string{"2400 km=2400 kilometre length"}},
		{"a capitalised One inside a name", "the board backed our One Harbour plan and one Senate seat; only One Nation voted", []string{"one=1 count"}},
		{"a unit after more", "we cannot go 20 more years or 5 extra miles, and 12 more people came", []string{"20 more years=20 year duration", "5 extra miles=5 mile length", "12=12 count"}},
		{"half after an ordinal and a hyphen", "second-half sales and first-half profits rose by half", []string{"half=0.5 fraction"}},
		{"decimal point spelt between hyphens", "it fell to negative six-point-six degrees Celsius, then two-point-five", []string{"negative six-point-six degrees Celsius=-6.6 degree Celsius temperature", "two-point-five=2.5 count"}},
		{"international telephone number", "call the desk on +61 424 767 764 or +44 20 7946 0958 for 3 tickets; 2+2 seats", []string{"3=3 count", "2=2 count", "2=2 count"}},
		{"clock time before a time zone", "polls shut at midnight (0400 GMT) after 350 voters queued", []string{"350=350 count"}},
		{"win-loss records in brackets after a name", "the Ospreys (4-7, 3-4) host the Falcons (2-8, 0-7) while pages (4-7) list it", []string{"4-7=4..7 score", "3-4=3..4 score", "2-8=2..8 score", "0-7=0..7 score", "4-7=4..7 count"}},
		{"an ordinal after and", "bids came from Kestrel Air and a third undisclosed buyer, a walk of two and a third miles", []string{"two and a third miles=2.33333 mile length"}},
		{"a rank after number", "the number one buyer of the jet, ahead of number 10 and a number of 12 rivals", []string{"12=12 count"}},
		{"signed changes in a row of a table", "KSTR KESTREL HOLDINGS 225.86 -12.99 -5.44%; lenses of 75 -300mm", []string{"225.86=225.86 count", "-12.99=-12.99 count", "-5.44%=-5.44 percentage percent", "75=75 count", "300mm=300 millimetre length"}},
		{"a counter on a line of its own", "Harbour News\n\n1 / 5\n\nThe ferry carried 34 cars.\n2 / 7", []string{"34=34 count"}},
		{"megabytes called megs", "the server holds 27 megs in a buffer, said Meg Carter", []string{"27 megs=27 megabyte data"}},
		{"tallies joined by of or for", "Varga was 20-of-24 passing and Mott went 3-for-5 against the F-16 squadron", []string{"20=20 count", "24=24 count", "3=3 count", "5=5 count"}},
		{"version numbers", "servers on release 2.4.1 or 10.0.12 crash, not those on 3.5", []string{"3.5=3.5 count"}},
		{"mixed number with a spaced fraction", "the engine cut out 4 ½ minutes into the flight", []string{"4 ½ minutes=4.5 minute duration"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkSpans checks the invariants of a Find: spans in bounds, on rune
// boundaries, in order, not overlapping.
func checkSpans(tb testing.TB, d *doc.Document) {
	prev := 0
	for _, q := range d.Quantities {
		for _, s := range []doc.Span{q.Span, q.Head, q.Of} {
			if s.IsZero() {
				continue
			}
			if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
				tb.Fatalf("span %v out of bounds (text %d bytes)", s, len(d.Text))
			}
			if !utf8.RuneStart(d.Text[s.Start]) || s.End < len(d.Text) && !utf8.RuneStart(d.Text[s.End]) {
				tb.Fatalf("span %v not on rune boundaries", s)
			}
		}
		if q.Start < prev {
			tb.Fatalf("quantity %v out of order or overlapping (previous ended at %d)", q.Span, prev)
		}
		prev = q.End
	}
}

func FuzzFinder_Find(f *testing.F) {
	for _, s := range []string{
		"at least 1,000 kilometres (680 miles)", "about a fifth of Ukraine", "$2.3bn", "two to three weeks",
		"- 1 4/5", "1.1^--23", "12,34,567.89", "½ cup", "4km^2", "x10^", "5 ft 2 in", "between £40m and £60m",
		"15 dollars and 50", "(($", "‘90s", "3 hundred and 2 hundred", "9.83e-3 +/- 1e-5 km/s2",
		"was ($4.2m).", "from $8 per kg to $9 per kg", "-20-4 °C", "a 64K memory", "a 1200b packet",
		"a telescope's 4' (240\") view", "it is 30 C outside", "X1.5+66",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/bench/article.txt"); err == nil {
		f.Add(string(b))
	}
	fn, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // documents are valid UTF-8 (package ingest checks)
		}
		d := &doc.Document{Text: s}
		fn.Find(d)
		checkSpans(t, d)
		first := fmt.Sprint(d.Quantities)
		fn.Find(d)
		if fmt.Sprint(d.Quantities) != first {
			t.Fatal("Find is not stable when run twice")
		}
	})
}

func FuzzText_Number(f *testing.F) {
	for _, s := range []string{"one hundred and three and two thirds", "1,234", "a fifth", "half a dozen", "-1.1^--23", "nought point eleven", "two million, three hundred"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := NewText(s, 0, len(s), nil)
		for i := -1; i <= len(tx.Words); i++ {
			n, ok := tx.Number(i)
			if ok && (n.First != i || n.End <= n.First || n.End > len(tx.Words)) {
				t.Fatalf("Number(%d) = words [%d, %d) of %d", i, n.First, n.End, len(tx.Words))
			}
			tx.Ordinal(i)
		}
	})
}

func ExampleFinder_Find() {
	f, err := Default()
	if err != nil {
		panic(err)
	}
	d := &doc.Document{Text: "The front line stretches for at least 1,000 kilometres (680 miles)."}
	f.Find(d)
	for _, q := range d.Quantities {
		fmt.Printf("%s %q: %g %s = %g %s\n", q.Qualifier, d.Slice(q.Span), q.Value, q.Unit, q.SIValue, q.SIUnit)
	}
	// Output:
	// at least "1,000 kilometres": 1000 kilometre = 1e+06 m
	//  "680 miles": 680 mile = 1.09435392e+06 m
}

func BenchmarkFinder_Find(b *testing.B) {
	text, err := os.ReadFile("testdata/bench/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	f, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	d := &doc.Document{Text: string(text)}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		f.Find(d)
	}
}

func BenchmarkLex(b *testing.B) {
	text, err := os.ReadFile("testdata/bench/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(text)
	words := make([]Word, 0, len(s)/4)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		words = Lex(s, 0, len(s), words[:0])
	}
}

// TestFinder_Find_MeasureNotYear holds that a four-digit number a date
// span holds is a measure when a unit of measure follows it, and stays a
// year before a currency or nothing.
func TestFinder_Find_MeasureNotYear(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, year, want string }{
		{"The convoy drove 2400 km to the border.", "2400", "2400 km"},
		{"Prices are given in 2010 dollars.", "2010", ""},
		{"The bridge opened in 1998 after delays.", "1998", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := &doc.Document{Text: tt.in}
			at := strings.Index(tt.in, tt.year)
			d.Dates = []doc.Date{{Span: doc.Span{Start: at, End: at + len(tt.year)}, Type: "date", Value: tt.year}}
			f.Find(d)
			got := ""
			for _, q := range d.Quantities {
				got = d.Slice(q.Span)
			}
			if got != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFinder_Find_Prices holds that a sum of money followed by "a" or
// "an" and a unit of measure that ends the phrase is a price per that
// unit, and that a price is no density.
func TestFinder_Find_Prices(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Silver rose 2% to $31.40 an ounce.", []string{"2%=2 percentage percent", "$31.40 an ounce=31.4 dollar per ounce money per mass"}},
		{"Nickel fell to $16,210 a tonne while zinc held.", []string{"$16,210 a tonne=16210 dollar per tonne money per mass"}},
		{"Crude traded at $71.05 per barrel.", []string{"$71.05 per barrel=71.05 dollar per barrel money per volume"}},
		{"Fans paid £2 a pound coin machine.", []string{"£2=2 pound sterling money"}},
	}
	for _, tt := range tests {
		if got := find(t, tt.in); strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFinder_Find_ChangeAndResult holds that a figure with its unit
// written after it and a bare figure after "to" are a change and what it
// came to, not a range, unless "from" or "between" opens them.
func TestFinder_Find_ChangeAndResult(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Orders were up 4% to 2,580 last month.", []string{"4%=4 percentage percent", "2,580=2580 count"}},
		{"Staff numbers dropped 5% to 940.", []string{"5%=5 percentage percent", "940=940 count"}},
		{"Rates went from 4% to 5 last year.", []string{"4% to 5=4..5 percentage percent"}},
		{"Growth of 2% to 3% is forecast.", []string{"2% to 3%=2..3 percentage percent"}},
	}
	for _, tt := range tests {
		if got := find(t, tt.in); strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFinder_Find_CompoundDurations holds that a duration goes on over
// whole numbers of smaller units of time written right after it, each
// less than one of the unit before it; with "and" they stay apart.
func TestFinder_Find_CompoundDurations(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"She won in 2 hours 19 minutes 41 seconds.", []string{"2 hours 19 minutes 41 seconds=2.32806 hour duration"}},
		{"The talks ran 10 hours 20 minutes, then broke up.", []string{"10 hours 20 minutes=10.3333 hour duration"}},
		{"The siege lasted two years and seven months.", []string{"two years=2 year duration", "seven months=7 month duration"}},
		{"They were open 24 hours, 7 days a week.", []string{"24 hours=24 hour duration", "7 days=7 day duration"}},
		{"The wait was 3 minutes 90 seconds.", []string{"3 minutes=3 minute duration", "90 seconds=90 second duration"}},
	}
	for _, tt := range tests {
		if got := find(t, tt.in); strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFinder_Find_UnitIdioms holds that "a" and a unit's word in an idiom
// or a name is no quantity: "a bit", "a fraction of an inch", "a Cup", "a
// dime" after a negation.
func TestFinder_Find_UnitIdioms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"There was quite a bit of ash, and prices rose a bit more.", nil},
		{"The valley had a fraction of an inch of rain, not the usual 4 inches.", []string{"4 inches=4 inch length"}},
		{"The club is committed to winning a Cup this decade.", nil},
		{"She won't pay her broker a dime, and he never saw a penny.", nil},
		{"The river rose by more than a metre in under three hours, not a foot soldier.", []string{"a metre=1 metre [more than] length", "three hours=3 hour [under] duration"}},
		{"He has a foot in the door and nearly a foot soldier.", nil},
		{"Snow fell a bit and a pint of milk cost a dime.", []string{"a pint=1 pint volume", "a dime=1 dime money"}},
		{"We have a ton of work, a degree of doubt and an atmosphere of fear under a gray sky in a barn after a turn, a mile away.", []string{"a mile=1 mile length"}},
	}
	for _, tt := range tests {
		if got := find(t, tt.in); strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFinder_Find_PerPerson holds that a sum of money "per head", "a
// head", "per person" or "per capita" is a rate per person, not a sum.
func TestFinder_Find_PerPerson(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Health spending will reach £3,400 per head.", []string{"£3,400 per head=3400 pound sterling per person money per person"}},
		{"Tickets cost £40 a head.", []string{"£40 a head=40 pound sterling per person money per person"}},
		{"Income is $11,000 per capita and €9,000 per person.", []string{"$11,000 per capita=11000 dollar per person money per person", "€9,000 per person=9000 euro per person money per person"}},
		{"He paid £40 a week, and £500 a person is too much.", []string{"£40 a week=40 pound sterling per week money rate", "£500 a person=500 pound sterling per person money per person"}},
		{"The head of finance earned £90,000 as head of the unit.", []string{"£90,000=90000 pound sterling money"}},
		{"Tax per head was £9,200 and GDP per capita of $65,000 rose to about $66,500.", []string{"£9,200=9200 pound sterling per person money per person", "$65,000=65000 dollar per person money per person", "$66,500=66500 dollar [about] money"}},
		{"Spending per person has reached €3,100, and a person paid €40.", []string{"€3,100=3100 euro per person money per person", "€40=40 euro money"}},
	}
	for _, tt := range tests {
		if got := find(t, tt.in); strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFinder_Find_RangeToYear holds that a year a date holds ends no
// range: "the three years to 2029" is three years.
func TestFinder_Find_RangeToYear(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	in := "Spending will grow over the three years to 2029, the plan says."
	d := &doc.Document{Text: in}
	at := strings.Index(in, "2029")
	d.Dates = []doc.Date{{Span: doc.Span{Start: at, End: at + 4}, Type: "date", Value: "2029"}}
	f.Find(d)
	var got []string
	for _, q := range d.Quantities {
		got = append(got, d.Slice(q.Span))
	}
	if strings.Join(got, "; ") != "three years" {
		t.Errorf("Find(%q) = %q, want [three years]", in, got)
	}
}

// TestFinder_Find_Finite holds that a number whose value overflows a
// float64 (an identifier read as an exponent, an absurd figure) is no
// quantity, and that every value Find gives is finite: JSON has no
// infinities, and one such value would fail a whole document's output.
func TestFinder_Find_Finite(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{
		"The page id c98e6425 was logged at noon.",
		"Someone wrote that it cost 5e400 dollars.",
		"The file 7e999 km was renamed.",
		"It weighed 3e5 kg in all.",
	} {
		t.Run(in, func(t *testing.T) {
			d := &doc.Document{Text: in}
			f.Find(d)
			for _, q := range d.Quantities {
				if !finite(q.Value, q.Max, q.SIValue, q.SIMax, q.Step) {
					t.Errorf("%q: %v, not finite", d.Slice(q.Span), q)
				}
				if strings.Contains(d.Slice(q.Span), "98e6425") || strings.Contains(d.Slice(q.Span), "5e400") || strings.Contains(d.Slice(q.Span), "7e999") {
					t.Errorf("%q: an overflowing number taken for a quantity", d.Slice(q.Span))
				}
			}
		})
	}
}

// findShown runs the default Finder on text, segmented and tagged when
// tagged is set, and joins show of each quantity with spaces.
func findShown(tb testing.TB, text string, tagged bool, show func(d *doc.Document, q *doc.Quantity) string) string {
	f, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	d := &doc.Document{Text: text}
	if tagged {
		tg, err := tag.Default()
		if err != nil {
			tb.Fatal(err)
		}
		segment.New(lexicon.MustDefault()).Segment(d)
		tg.Tag(d)
	}
	f.Find(d)
	var got []string
	for i := range d.Quantities {
		got = append(got, show(d, &d.Quantities[i]))
	}
	return strings.Join(got, " ")
}

// TestFinder_Find_Heads holds the nouns quantities count or modify: a
// body's size joined by a hyphen to its members' word is an adjective of
// the body ("the 40-seat assembly"), and a side of a vote written without
// its noun takes the noun of the side before it ("31 votes for, six
// against", "31 votes to 12").
func TestFinder_Find_Heads(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Minutes\n\nThe 40-seat assembly met in the old hall.", "40-seat/assembly/adj"},
		{"A 2,500-strong garrison held the fort and a seven-nation alliance watched.", "2,500-strong/garrison/adj seven-nation/alliance/adj"},
		{"The motion won 31 votes for, six against and four abstentions.", "31/votes six/votes four/abstentions"},
		{"It passed with 9 votes in favour and 2 against.", "9/votes 2/votes"},
		{"The bill cleared the chamber by 31 votes to 12 on Friday.", "31/votes 12/votes"},
		{"She scored 12 goals, two against her old club.", "12/goals two/"},
	}
	show := func(d *doc.Document, q *doc.Quantity) string {
		s := d.Slice(q.Span) + "/" + d.Slice(q.Head)
		if q.Adjective {
			s += "/adj"
		}
		return s
	}
	for _, tt := range tests {
		if got := findShown(t, tt.in, false, show); got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFinder_Find_LineEnds holds a figure ending a line, as a headline's
// does: its whole or its noun is never on the next line.
func TestFinder_Find_LineEnds(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Deficit narrows to 2.3% of GDP\n\nVELMORA — The deficit fell.", "2.3%/GDP/"},
		{"Ferry fares rise 4% on the island\nof Harrow", "4%//"},
		{"Harbour crews rescue 23\nFishermen were brought ashore.", "23//"},
		{"Up to 40% of Harrow schools will close.", "40%/Harrow schools/"},
	}
	show := func(d *doc.Document, q *doc.Quantity) string {
		return d.Slice(q.Span) + "/" + d.Slice(q.Of) + "/" + d.Slice(q.Head)
	}
	for _, tagged := range []bool{false, true} {
		for _, tt := range tests {
			if got := findShown(t, tt.in, tagged, show); got != tt.want {
				t.Errorf("Find(%q), tagged %v = %q, want %q", tt.in, tagged, got, tt.want)
			}
		}
	}
}

// TestFinder_Find_Cents holds the currency of amounts in cents: that of
// the nearest amount in a currency of cents, or else the US dollar's.
func TestFinder_Find_Cents(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Fuel duty rises by 4 cents, to 71 cents, and the tank costs €2 more.", "4 cents/EUR 71 cents/EUR €2/EUR"},
		{"A ticket costs A$3.50, up 20 cents.", "A$3.50/AUD 20 cents/AUD"},
		{"A stamp costs 85 cents.", "85 cents/USD"},
		{"Tea costs £2 and coffee 90 cents.", "£2/GBP 90 cents/USD"},
	}
	show := func(d *doc.Document, q *doc.Quantity) string {
		return d.Slice(q.Span) + "/" + q.SIUnit
	}
	for _, tt := range tests {
		if got := findShown(t, tt.in, false, show); got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFinder_Find_NotQuantities holds words for numbers that name no
// quantity in tagged text: "one" standing in for a noun after an
// adjective ("a cheaper one") or before "like", and a telephone number
// after a verb of calling ("ring 112").
func TestFinder_Find_NotQuantities(t *testing.T) {
	tests := []struct{ in, want string }{
		{"He swapped the new kettle for a cheaper one in May.", ""},
		{"Critics had seen nothing like it, and never one like this.", ""},
		{"Witnesses can ring 112 or text 8822 at any hour.", ""},
		{"The court will call 14 witnesses, and one juror rang 3 times.", "14 one 3 times"},
	}
	for _, tt := range tests {
		got := findShown(t, tt.in, true, func(d *doc.Document, q *doc.Quantity) string { return d.Slice(q.Span) })
		if got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFinder_SetScores(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"tiebreak in brackets is part of the score", "Marlow beat Tesseny 6-4, 7-6 (5) in the final", []string{"6-4=6..4 score", "7-6 (5)=7..6 score"}},
		{"a lost set in a list of sets is a score", "Okafor rallied to beat Vrana 3-6, 6-3, 7-6 (0) and Pell won 7-5, 3-6, 6-2", []string{"3-6=3..6 score", "6-3=6..3 score", "7-6 (0)=7..6 score", "7-5=7..5 score", "3-6=3..6 score", "6-2=6..2 score"}},
		{"a lost set before a tiebreak is a score", "the pair won 6-7 (4), 6-4 on clay", []string{"6-7 (4)=6..7 score", "6-4=6..4 score"}},
		{"a rising pair alone is still a range", "the 10-12 ferries and 20-30 buses", []string{"10-12=10..12 count", "20-30=20..30 count"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
