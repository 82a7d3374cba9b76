package formcache_test

import (
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/internal/formcache"
)

// A stage keeps what it computes of each word form: here its lower-case
// form, computed once however often the word comes back. Get finds the
// forms met before; Fill caches a new one.
func ExampleCache_Fill() {
	type facts struct{ lower string }
	c := formcache.New[facts](1 << 10)
	described := 0
	fill := func(v *facts, form string) {
		described++
		v.lower = strings.ToLower(form)
	}
	for _, w := range strings.Fields("The mayor said the vote would be held and the mayor would abide by it") {
		v := c.Get(w)
		if v == nil {
			v = c.Fill(w, fill)
		}
		if v == nil {
			fmt.Println("not cached:", w)
		}
	}
	fmt.Println(c.Get("The").lower, described)
	// Output: the 12
}
