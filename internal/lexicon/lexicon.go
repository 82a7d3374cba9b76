package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

//go:embed data
var files embed.FS

// AbbrevClass says how an abbreviation behaves before the next word.
type AbbrevClass uint8

// The abbreviation classes.
const (
	NotAbbrev     AbbrevClass = iota
	TitleAbbrev               // before a name; never ends a sentence ("Mr.")
	NumberAbbrev              // before a number ("No. 5")
	GeneralAbbrev             // may end a sentence ("Inc.", "Jan.")
	StateAbbrev               // a state or province, else like GeneralAbbrev ("Calif.")
)

// Set is a parsed collection of lexicons. A Set is read-only after Load and
// safe for concurrent use.
type Set struct {
	abbrev     map[string]AbbrevClass
	firstNames map[string]NameCounts
	places     []Place
	roles      []Role
	// unlearnedRoles are read by rules only (UnlearnedRoles).
	unlearnedRoles []Role
	orgNouns       map[string]bool
	cues
}

// Default returns the embedded lexicons, parsed once.
var Default = sync.OnceValues(func() (*Set, error) {
	sub, err := fs.Sub(files, "data")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// MustDefault is Default for tests and package initialisation; it panics
// when the embedded data is broken, which a test catches.
func MustDefault() *Set {
	s, err := Default()
	if err != nil {
		panic(err)
	}
	return s
}

// Load parses the lexicon files in fsys, which has the layout of data/.
func Load(fsys fs.FS) (*Set, error) {
	s := &Set{abbrev: map[string]AbbrevClass{}}
	err := eachLine(fsys, "abbreviations.txt", func(fields []string) error {
		if len(fields) != 2 {
			return fmt.Errorf("want FORM<TAB>CLASS")
		}
		var c AbbrevClass
		switch fields[1] {
		case "title":
			c = TitleAbbrev
		case "number":
			c = NumberAbbrev
		case "general":
			c = GeneralAbbrev
		case "state":
			c = StateAbbrev
		default:
			return fmt.Errorf("unknown class %q", fields[1])
		}
		s.abbrev[fields[0]] = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, load := range []func(fs.FS, *Set) error{loadNames, loadPlaces, loadRoles, loadCues} {
		if err := load(fsys, s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Abbrev returns the class of the abbreviation form (without its final
// period), or NotAbbrev.
func (s *Set) Abbrev(form string) AbbrevClass { return s.abbrev[form] }

// eachLine calls fn with the tab-separated fields of every line of name
// that is neither blank nor a # comment. Errors name the file and line.
func eachLine(fsys fs.FS, name string, fn func(fields []string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("lexicon: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon: %s: %w", name, err)
	}
	return nil
}
