package entity_test

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
)

func TestKey_Variants(t *testing.T) {
	for _, tc := range []struct {
		t          doc.EntityType
		a, b       string
		same       bool
		wantKeyOfA string
	}{
		{doc.Person, "Volodymyr Zelensky", "Volodymyr Zelenskyy", true, "person/vladimir-zelenski"},
		{doc.Person, "Vladimir Zelensky", "Volodymyr Zelenskiy", true, ""},
		{doc.Person, "Oleksandr Syrskyi", "Aleksandr Syrsky", true, ""},
		{doc.Person, "Volodymyr Zelenskiy", "President Volodymyr Zelensky", true, ""},
		{doc.Person, "Vitali Klitschko", "Vitaliy Klychko", true, ""},
		{doc.Person, "Sergei Lavrov", "Sergey Lavrov", true, ""},
		{doc.Person, "Mr. Donald Trump Jr.", "Donald Trump", false, "person/donald-trump-jr"},
		{doc.Person, "Mr. Donald Trump", "Donald Trump", true, "person/donald-trump"},
		{doc.Person, "Putin’s", "Putin", true, "person/putin"},
		{doc.Person, "Eric Trump", "Donald Trump", false, ""},
		{doc.Person, "Vladimir Putin", "Volodymyr Zelensky", false, "person/vladimir-putin"},
		{doc.Place, "U.S.", "United States", true, "place/united-states"},
		{doc.Place, "America", "the United States", true, ""},
		{doc.Organization, "the Kremlin", "Kremlin", true, "organization/kremlin"},
		{doc.Organization, "Harwell Motor Corp.", "Harwell Motor", true, "organization/harwell-motor"},
		{doc.Organization, "Lind & Co", "Lind", true, ""},
		{doc.Organization, "Inc.", "Inc", true, "organization/inc"},
		{doc.Person, "José Álvarez", "Jose Alvarez", true, ""},
	} {
		ka, kb := entity.Key(tc.t, tc.a), entity.Key(tc.t, tc.b)
		if (ka == kb) != tc.same {
			t.Errorf("Key(%q) = %q, Key(%q) = %q; same = %v, want %v", tc.a, ka, tc.b, kb, ka == kb, tc.same)
		}
		if tc.wantKeyOfA != "" && ka != tc.wantKeyOfA {
			t.Errorf("Key(%q) = %q, want %q", tc.a, ka, tc.wantKeyOfA)
		}
	}
	if k := entity.Key(doc.Person, "  "); k != "" {
		t.Errorf("Key of no letters = %q", k)
	}
}
