// Package server is Verbatim on the web: an http.Handler that serves the
// JSON API (documented by the OpenAPI file it serves at
// /api/openapi.json) and the reading room, a set of HTML pages built from
// embedded templates and static files (web/templates, web/static) with
// no script or style from anywhere else.
//
// Analysing needs only the pipeline: POST /api/analyze and the Analyze
// page work without a corpus. The other pages and endpoints read a
// Corpus, the small interface the server defines for what it needs from
// the corpus store, which NewStoreCorpus adapts (package store); without
// one they answer 503.
//
// Everything an article brings (its text, title, URL, outlet, the names
// in it) is untrusted. Pages are rendered with html/template, so all of
// it is escaped in the context it lands in; the Content-Security-Policy
// allows scripts, styles and images from the server itself only. Request
// bodies are size-limited; fetching an article by URL refuses loopback,
// private, link-local and other non-public addresses unless
// Options.AllowPrivate is set, and checks the address it connects to,
// not merely the name it resolved. Write endpoints refuse requests
// without the bearer token when Options.Token is set, and every request
// when Options.ReadOnly is.
package server
