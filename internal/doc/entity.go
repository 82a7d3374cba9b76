package doc

// EntityType is the kind of thing an entity is.
type EntityType uint8

// The entity types.
const (
	NoType       EntityType = iota
	Person                  // a named or described person
	Organization            // a company, agency, party, outlet, government ...
	Place                   // a country, city, region ...
	Group                   // people not named as one entity: "officials", "sources"
)

var entityTypeNames = [...]string{"", "person", "organization", "place", "group"}

func (t EntityType) String() string {
	if int(t) < len(entityTypeNames) {
		return entityTypeNames[t]
	}
	return ""
}

// Gender is a grammatical gender as the text shows it (pronouns, honorifics)
// or the name statistics suggest it. Unknown is the safe default.
type Gender uint8

// The genders.
const (
	Unknown Gender = iota
	Male
	Female
	Neuter // it / its: organisations, places
	Plural // they / them, when the text uses it for a group
)

// MentionKind says how a mention refers to its entity.
type MentionKind uint8

// The mention kinds.
const (
	NameMention    MentionKind = iota + 1 // "Vladimir Putin", "Putin"
	TitleMention                          // "the president", "the mayor of Kyiv"
	PronounMention                        // "he", "she", "they"
	NounMention                           // "a spokesman", "officials", "sources"
)

var mentionKindNames = [...]string{"", "name", "title", "pronoun", "noun"}

func (k MentionKind) String() string {
	if int(k) < len(mentionKindNames) {
		return mentionKindNames[k]
	}
	return ""
}

// Mention is one stretch of text that refers to an entity.
type Mention struct {
	Span
	Head   Span // the word that names: "Putin" in "Russian leader Vladimir Putin"
	Kind   MentionKind
	Type   EntityType
	Entity int // index into Document.Entities, or -1 when unresolved
	// Confidence is how sure the resolution to Entity is, 0 to 1 (0 when
	// unresolved): a title taken for the last speaker's, with nothing
	// else to go on, is 0.5.
	Confidence float64
}

// Entity is one person, organisation or place the article refers to.
type Entity struct {
	ID     string // stable key across articles, e.g. "person/vladimir-putin"
	Name   string // the fullest name the article gives
	Type   EntityType
	Gender Gender
	Titles []string // titles and roles as the text gives them: "President", "mayor of Kyiv"
	// Nationality is the country code the text ties the entity to
	// ("Russian leader Vladimir Putin", "the mayor of Kyiv"); "" when
	// it says none.
	Nationality string
	Mentions    []int // indexes into Document.Mentions
}
