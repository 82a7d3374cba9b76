package entity

import (
	"slices"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// possessedTitles names, in each title a common noun after "the"
// possesses ("The company's chief executive, Sandra Vell,"; "the
// regulator's head of enforcement"), the organisation that noun stands
// for: "the company" the company the report is about (mainOrganisation),
// "the regulator" or "the agency" the one described so before
// (describedOrganisation). A title whose possessor stands for none is
// left as written.
func possessedTitles(d *doc.Document) {
	lex, err := lexicon.Default()
	if err != nil {
		return
	}
	for e := range d.Entities {
		x := &d.Entities[e]
		for k, t := range x.Titles {
			noun, rest, ok := strings.Cut(t, "'s ")
			if !ok {
				noun, rest, ok = strings.Cut(t, "’s ")
			}
			if !ok || noun == "" || strings.ContainsRune(noun, ' ') || strings.ToLower(noun) != noun ||
				!companyNouns[noun] && !describedNouns[noun] && !lex.OrgNoun(noun) {
				continue
			}
			for _, i := range x.Mentions {
				m := &d.Mentions[i]
				s := d.Slice(m.Span)
				if len(s) <= len("the ") || !strings.EqualFold(s[:len("the ")], "the ") || s[len("the "):] != t {
					continue
				}
				src := doc.Span{Start: m.Start, End: m.Start + len("the ") + len(noun)}
				owner := -1
				if companyNouns[noun] {
					owner = mainOrganisation(d, &doc.Statement{Source: src})
				} else {
					owner, _, _ = describedOrganisation(d, src)
				}
				if owner >= 0 && owner != e && d.Entities[owner].Type == doc.Organization {
					x.Titles = slices.Clone(x.Titles)
					x.Titles[k] = possessive(d.Entities[owner].Name) + " " + rest
				}
				break
			}
		}
	}
}

// possessive returns name with the possessive ending: "Fair Deal's",
// "Office for Product Safety and Standards'".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}
