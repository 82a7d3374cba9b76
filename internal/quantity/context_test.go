package quantity

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

func TestParseContext_Embedded(t *testing.T) {
	c, err := ParseContext(contextTSV)
	if err != nil {
		t.Fatal(err)
	}
	u, err := ParseUnits(unitsTSV)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, x := range u.list {
		kinds[x.Kind] = true
	}
	for _, k := range c.Kinds() {
		if !kinds[k] {
			t.Errorf("context kind %q is no kind of the unit table", k)
		}
	}
	for _, line := range strings.Split(contextTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		kind, list, _ := strings.Cut(line, "\t")
		words := strings.Split(list, "|")
		if !slices.IsSorted(words) {
			t.Errorf("context kind %q: words not sorted", kind)
		}
		if len(slices.Compact(slices.Clone(words))) != len(words) {
			t.Errorf("context kind %q: a word twice", kind)
		}
	}
}

func TestParseContext_Errors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no tab", "temperature hot|cold\n", "line 1"},
		{"no words", "# c\ntemperature\t\n", "line 2"},
		{"kind twice", "mass\tweigh\nmass\theavy\n", "twice"},
		{"upper case", "mass\tWeigh\n", "bad word"},
		{"empty word", "mass\tweigh||heavy\n", "bad word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseContext(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseContext(%q) = %v, want an error with %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestContext_KindsOf_Endings(t *testing.T) {
	c, err := ParseContext("mass\tweigh|weight\ntemperature\tforecast|freeze\nmoney\tprice\n")
	if err != nil {
		t.Fatal(err)
	}
	mass, temp, money := uint32(1), uint32(2), uint32(4)
	tests := []struct {
		w    string
		want uint32
	}{
		{"weigh", mass}, {"weighs", mass}, {"weighed", mass}, {"weighing", mass}, {"weights", mass},
		{"forecasts", temp}, {"freezes", temp}, {"priced", money}, {"prices", money},
		{"way", 0}, {"s", 0}, {"", 0},
	}
	for _, tt := range tests {
		if got := c.KindsOf(tt.w); got != tt.want {
			t.Errorf("KindsOf(%q) = %b, want %b", tt.w, got, tt.want)
		}
	}
	var none *Context
	if none.KindsOf("weigh") != 0 {
		t.Error("a nil Context has kinds")
	}
}

// TestFinder_Find_Context holds the choice among the units one form names
// ("b", "K", "C", "'", "\"", "pound", "degree") by the words around it.
func TestFinder_Find_Context(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		// C: Celsius where the weather is spoken of, coulomb by a charge,
		// nothing without either.
		{"C in weather", "The forecast says it will reach 28 C by noon.", []string{"28 C=28 degree Celsius temperature"}},
		{"C by a charge", "Each capacitor in the bank holds 3 C of charge.", []string{"3 C=3 coulomb charge"}},
		{"C as a label", "The plan was filed as 13C last year.", nil},
		// K: kibibytes by memory, kelvin by a temperature, else thousands.
		{"K of memory", "The old terminal shipped with a 64K memory card.", []string{"64K=64 kibibyte data"}},
		{"K as temperature", "The coolant stays near a temperature of 77K in the lab.", []string{"77K=77 kelvin temperature"}},
		{"K as thousand", "Her channel passed 40K subscribers this spring.", []string{"40K=40000 count"}},
		{"K at a market high", "The index closed at a record high of 32K points.", []string{"32K=32000 count"}},
		// b: bits in a transfer, barns of a surface, billions otherwise.
		{"b glued in a transfer", "Each router forwards a 1200b packet per frame.", []string{"1200b=1200 bit data"}},
		{"b spaced in a transfer", "The probe can transmit only 800 b at a time.", []string{"800 b=800 bit [only] data"}},
		{"b of a surface", "The target nucleus presents a surface of about 5 b to the beam.", []string{"5 b=5 barn [about] area"}},
		{"b as billion", "The fund now manages 1.2b across its portfolios.", []string{"1.2b=1.2e+09 count"}},
		// ' and ": feet and inches by default and with lengths, minutes and
		// seconds of arc with an angle.
		{"prime as feet", "The wall they built is 8' tall.", []string{"8'=8 foot length"}},
		{"prime needs context", "The score after the first half was 2' in the notes.", []string{"2=2 count"}},
		{"apostrophe is no unit", "The 1990's were loud.", nil},
		{"quotes as inches", "The screen measures 27\" across.", []string{"27\"=27 inch length"}},
		{"arc with a telescope", "The telescope resolves detail of 4' (240\") in the nebula.",
			[]string{"4'=4 minute of arc angle", "240\"=240 second of arc angle"}},
		// pound: mass by default, sterling where money is spoken of.
		{"pounds of mass", "The parcel weighs 12 pounds.", []string{"12 pounds=12 pound-mass mass"}},
		{"pounds of money", "The club paid 40 pounds for each ticket.", []string{"40 pounds=40 pound sterling money"}},
		{"pounds of money with a scale", "Ministers set aside 3 billion pounds.", []string{"3 billion pounds=3e+09 pound sterling money"}},
		{"pounds, bag and price", "A 10-pound sack of flour now sells for $7.", []string{"10-pound=10 pound-mass mass", "$7=7 dollar money"}},
		// degree: a temperature by the weather, else an angle.
		{"degrees of heat", "The heat will push past 35 degrees on Friday.", []string{"35 degrees=35 degree temperature"}},
		{"degrees of a turn", "The driver turned the wheel 90 degrees.", []string{"90 degrees=90 degree angle angle"}},
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

// TestFinder_Find_ContextSentence holds that the sentence before a unit
// counts as its context too, and that its own sentence counts more.
func TestFinder_Find_ContextSentence(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		sent []string
		want string
	}{
		{"sentence before", []string{"A cold front arrived overnight.", "By dawn it was -4C in the valley."}, "-4C=-4 degree Celsius"},
		{"own sentence wins", []string{"Prices of everything rose again.", "The sack weighed 50 pounds."}, "50 pounds=50 pound-mass"},
		{"no context two sentences back", []string{"It was a cold night.", "Nobody slept.", "The gate was marked 9C."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: strings.Join(tt.sent, " ")}
			at := 0
			for _, s := range tt.sent {
				d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: at, End: at + len(s)}})
				at += len(s) + 1
			}
			f.Find(d)
			got := ""
			for _, q := range d.Quantities {
				if q.Unit != "" {
					got = d.Slice(q.Span) + "=" + strconv.FormatFloat(q.Value, 'g', 6, 64) + " " + q.Unit
				}
			}
			if got != tt.want {
				t.Errorf("Find(%q) = %q, want %q", d.Text, got, tt.want)
			}
		})
	}
}

// FuzzParseContext checks that any input parses or fails with an error,
// never a panic, and that what parses answers KindsOf for every word.
func FuzzParseContext(f *testing.F) {
	f.Add(contextTSV)
	f.Add("mass\tweigh|weight\n")
	f.Add("\t|\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := ParseContext(src)
		if err != nil {
			return
		}
		for _, line := range strings.Split(src, "\n") {
			for _, w := range strings.Fields(strings.ReplaceAll(line, "|", " ")) {
				c.KindsOf(w)
			}
		}
	})
}
