package cluster_test

import (
	"fmt"

	"github.com/verbatim-news/verbatim/internal/cluster"
)

func ExampleBuild() {
	quotes := []cluster.Quote{
		{ID: 1, Article: 1, Published: "2031-05-02", Text: "The pier will be rebuilt by summer, whatever it costs."},
		{ID: 2, Article: 2, Published: "2031-05-02", Text: "the pier will be rebuilt by summer, whatever it costs"},
		{ID: 3, Article: 3, Published: "2031-05-03", Text: "The pier will be rebuilt by autumn, whatever it costs"},
		{ID: 4, Article: 4, Published: "2031-05-03", Text: "the pier will be rebuilt by summer"},
	}
	for _, g := range cluster.Build(quotes) {
		fmt.Printf("%q\n", quotes[g.Canonical].Text)
		for _, m := range g.Members {
			fmt.Printf("  %d %-9s misquote=%-5v %s\n", quotes[m.Quote].ID, m.Kind, m.Misquote, m.Diff)
		}
	}
	// Output:
	// "The pier will be rebuilt by summer, whatever it costs."
	//   1 same      misquote=false the pier will be rebuilt by summer whatever it costs
	//   2 same      misquote=false the pier will be rebuilt by summer whatever it costs
	//   3 changed   misquote=true  the pier will be rebuilt by [-summer-] {+autumn+} whatever it costs
	//   4 truncated misquote=false the pier will be rebuilt by summer [-whatever it costs-]
}
