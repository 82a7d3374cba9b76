package entity_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/pipeline"
)

// The default pipeline runs the resolver after the quotation scanner.
func ExampleResolver_Resolve() {
	p, err := pipeline.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	d := &doc.Document{Text: "The mayor of Portavel, Daniel Reyes, met Governor Ana Ruiz on Monday. " +
		"“We agreed on the bridge,” he said. The governor said she was pleased."}
	if err := p.Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Entities {
		if e.Type != doc.Person {
			continue
		}
		var ms []string
		for _, mi := range e.Mentions {
			ms = append(ms, d.Slice(d.Mentions[mi].Span))
		}
		fmt.Printf("%s (%s) %q: %s\n", e.Name, e.ID, e.Titles, strings.Join(ms, " | "))
	}
	// Output:
	// Daniel Reyes (person/daniel-reies) ["mayor of Portavel"]: The mayor of Portavel | Daniel Reyes | he
	// Ana Ruiz (person/ana-ruiz) ["Governor"]: Governor Ana Ruiz | The governor | she
}

func ExampleKey() {
	fmt.Println(entity.Key(doc.Person, "President Volodymyr Zelenskyy"))
	fmt.Println(entity.Key(doc.Person, "Volodymyr Zelenskiy"))
	fmt.Println(entity.Key(doc.Place, "the U.S."))
	// Output:
	// person/vladimir-zelenski
	// person/vladimir-zelenski
	// place/united-states
}

func ExampleSpeakerOf() {
	p, err := pipeline.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	d := &doc.Document{Text: "Lena Fischer opened the bakery in 2014. “We bake before dawn,” she said."}
	if err := p.Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	at := strings.Index(d.Text, "she")
	e, conf := entity.SpeakerOf(d, doc.Span{Start: at, End: at + len("she")})
	fmt.Println(d.Entities[e].Name, conf)
	// Output:
	// Lena Fischer 0.85
}
