package lexicon

import (
	"fmt"
	"io/fs"
	"strings"
)

// CueClass is a bit set of the kinds of attribution a verb can cue.
type CueClass uint8

// The cue classes.
const (
	Speech   CueClass = 1 << iota // say, tell, warn
	Belief                        // think, believe, claim
	Describe                      // describe, portray
	Judgment                      // praise, criticise, blame
	Intent                        // want, urge, order
	Appear                        // seem, appear
	Perceive                      // see, learn, discover
)

var cueClassNames = map[string]CueClass{
	"speech": Speech, "belief": Belief, "describe": Describe, "judgment": Judgment,
	"intent": Intent, "appear": Appear, "perceive": Perceive,
}

// cues holds the attribution lexicons.
type cues struct {
	lemmas   map[string]string
	cueVerbs map[string]CueClass
	cueNouns map[string]bool
	persons  map[string]bool
}

func loadCues(fsys fs.FS, s *Set) error {
	s.lemmas = map[string]string{}
	s.cueVerbs = map[string]CueClass{}
	s.cueNouns = map[string]bool{}
	s.persons = map[string]bool{}
	if err := eachLine(fsys, "lemmas.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want WORD<TAB>LEMMA")
		}
		s.lemmas[f[0]] = f[1]
		return nil
	}); err != nil {
		return err
	}
	if err := eachLine(fsys, "cue_verbs.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want LEMMA<TAB>CLASSES")
		}
		var c CueClass
		for _, name := range strings.Split(f[1], ",") {
			k, ok := cueClassNames[name]
			if !ok {
				return fmt.Errorf("unknown cue class %q", name)
			}
			c |= k
		}
		s.cueVerbs[f[0]] = c
		return nil
	}); err != nil {
		return err
	}
	if err := eachLine(fsys, "cue_nouns.txt", func(f []string) error {
		s.cueNouns[f[0]] = true
		return nil
	}); err != nil {
		return err
	}
	return eachLine(fsys, "person_nouns.txt", func(f []string) error {
		s.persons[f[0]] = true
		return nil
	})
}

// Lemma returns the lemma of a lower-case word: from the table where the
// word is known, else by stripping a regular English inflection when the
// result is a known cue verb, else the word itself.
func (s *Set) Lemma(lower string) string {
	if l, ok := s.lemmas[lower]; ok {
		return l
	}
	n := len(lower)
	try := func(stem string) bool { _, ok := s.cueVerbs[stem]; return ok }
	switch {
	case n > 4 && strings.HasSuffix(lower, "ied") && try(lower[:n-3]+"y"):
		return lower[:n-3] + "y"
	case n > 4 && strings.HasSuffix(lower, "ies") && try(lower[:n-3]+"y"):
		return lower[:n-3] + "y"
	case n > 3 && strings.HasSuffix(lower, "ed"):
		if try(lower[:n-2]) {
			return lower[:n-2]
		}
		if try(lower[:n-1]) {
			return lower[:n-1]
		}
		if n > 4 && lower[n-3] == lower[n-4] && try(lower[:n-3]) {
			return lower[:n-3] // "regretted"
		}
	case n > 4 && strings.HasSuffix(lower, "ing"):
		if try(lower[:n-3]) {
			return lower[:n-3]
		}
		if try(lower[:n-3] + "e") {
			return lower[:n-3] + "e"
		}
		if n > 5 && lower[n-4] == lower[n-5] && try(lower[:n-4]) {
			return lower[:n-4]
		}
	case n > 3 && strings.HasSuffix(lower, "es") && try(lower[:n-2]):
		return lower[:n-2]
	case n > 2 && strings.HasSuffix(lower, "s") && try(lower[:n-1]):
		return lower[:n-1]
	}
	return lower
}

// CueVerb returns the cue classes of a verb lemma (0 when it is not a cue
// verb).
func (s *Set) CueVerb(lemma string) CueClass { return s.cueVerbs[lemma] }

// CueNoun reports whether a lower-case noun (or its lemma) cues an
// attribution ("claim", "statement").
func (s *Set) CueNoun(lower string) bool { return s.cueNouns[lower] }

// PersonNoun reports whether a lower-case noun names a person
// ("quarterback", "comedian", "frenchman").
func (s *Set) PersonNoun(lower string) bool { return s.persons[lower] }

// documentNouns are the nouns for a written statement that can stand in
// for its author ("the statement read", "a post reading: …").
var documentNouns = map[string]bool{
	"statement": true, "letter": true, "post": true, "communique": true, "communiqué": true,
	"declaration": true, "memo": true, "release": true, "message": true, "tweet": true, "readout": true,
	"report": true, "editorial": true, "column": true, "commentary": true, "study": true, "survey": true,
}

// DocumentNoun reports whether lower is a noun for a written statement
// that can stand in for its author: "statement", "letter", "post".
func DocumentNoun(lower string) bool { return documentNouns[lower] }
