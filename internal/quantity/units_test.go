package quantity

import (
	"strings"
	"testing"
)

func TestParseUnits_Embedded(t *testing.T) {
	u, err := ParseUnits(unitsTSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range u.list {
		if x.Factor <= 0 || x.SI == "" || x.Kind == "" {
			t.Errorf("unit %q: factor %g, SI %q, kind %q", x.Name, x.Factor, x.SI, x.Kind)
		}
	}
	for _, name := range []string{"kilometre", "mile", "percentage", "dollar", "pound sterling", "degree Celsius", "hour", "year"} {
		if u.Lookup(name) == nil {
			t.Errorf("unit %q missing", name)
		}
	}
	if mi := u.Lookup("mile"); mi.ToSI(1) != 1609.344 {
		t.Errorf("1 mile = %g m, want 1609.344", mi.ToSI(1))
	}
	if f := u.Lookup("degree fahrenheit"); f.ToSI(212)-373.15 > 1e-9 || 373.15-f.ToSI(212) > 1e-9 {
		t.Errorf("212 °F = %g K, want 373.15", f.ToSI(212))
	}
}

func TestParseUnits_Errors(t *testing.T) {
	for _, in := range []string{
		"metre\tlength\t1\t0\tm\tmetre\n", // 6 columns
		"metre\tlength\tx\t0\tm\tmetre\tm\n",
	} {
		if _, err := ParseUnits(in); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("ParseUnits(%q) error = %v, want one naming line 1", in, err)
		}
	}
}

func TestPlurals(t *testing.T) {
	tests := map[string][]string{
		"kilometre":         {"kilometres"},
		"foot":              {"feet"},
		"degree Celsius":    {"degrees Celsius"},
		"mile per hour":     {"miles per hour"},
		"century":           {"centuries"},
		"inch":              {"inches"},
		"penny":             {"pence", "pennies"},
		"celsius":           nil,
		"pound sterling":    {"pounds sterling"},
		"kilometre an hour": {"kilometres an hour"},
	}
	for in, want := range tests {
		got := plurals(in)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("plurals(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnits_MatchAlts_SharedForm(t *testing.T) {
	u, err := ParseUnits("# t\nkelvin\ttemperature\t1\t0\tK\tkelvin\tK\nkibibyte\tdata\t8192\t0\tbit\tkibibyte\tK|KiB\nkilogram\tmass\t1\t0\tkg\tkilogram\tkg\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, want string
		alts       []string
	}{
		{"K", "kelvin", []string{"kelvin", "kibibyte"}},
		{"KiB", "kibibyte", nil},
		{"kelvin", "kelvin", nil},
		{"kg", "kilogram", nil},
	}
	for _, tt := range tests {
		x, end, alts := u.matchAlts(tt.text, strings.ToLower(tt.text), 0, nil)
		if x == nil || x.Name != tt.want || end != len(tt.text) {
			t.Errorf("matchAlts(%q) = %v, %d, want %s", tt.text, x, end, tt.want)
			continue
		}
		var names []string
		for _, a := range alts {
			names = append(names, u.list[a].Name)
		}
		if strings.Join(names, ",") != strings.Join(tt.alts, ",") {
			t.Errorf("matchAlts(%q) alternatives %q, want %q", tt.text, names, tt.alts)
		}
	}
	// A filter takes the first of the shared units it accepts.
	data := func(x *Unit) bool { return x.Kind == "data" }
	if x, _, alts := u.matchAlts("K", "k", 0, data); x == nil || x.Name != "kibibyte" || alts != nil {
		t.Errorf("matchAlts(K, data) = %v, %v, want kibibyte and no alternatives", x, alts)
	}
}
