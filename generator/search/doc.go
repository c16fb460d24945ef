// Package search builds a guide's search index: the files that the theme's
// search.js reads in the reader's browser, offline and from file://. It owns
// the index format, described here, and the normalisation of words
// (Normalize), which search.js repeats character for character.
//
// # Loading
//
// Every file is a classic script that hands its data to search.js:
//
//	abriSearch.add("<key>", <JSON>);
//
// search.js loads a file by adding a <script> element, so nothing needs
// fetch, modules or WebAssembly, which browsers refuse under file://. A
// search loads only the files it needs.
//
// # Files
//
//	search/<lang>.js             entry of a language (key <lang>); not versioned, revalidated like pages
//	search/<v>/<lang>/t<i>.js    words of that language, shard i (key <lang>/t<i>)
//	search/<v>/c<i>.js           listings of category i and its descendants (key c<i>)
//	search/<v>/a<i>.js           attributes of area i: positions, flags, languages, hours (key a<i>)
//	search/<v>/r<i>.js           records of block i: what a result shows (key r<i>)
//	search/<v>/places.js         towns and postal codes, for the page's suggestions (key places)
//
// Hours: a place with a service of its own hours is judged by them when
// the reader looks for the service's category (content.Listing.ServiceFor):
// picked in the form, or the first category, in the tree's order, whose
// name or synonym a word of the query matches. Area shards and records
// carry those hours by category number beside the place's.
//
// <v> is a hash of the contents of the shards: a new build writes a new
// folder, so a browser never mixes the shards of two builds, and the entry,
// the only file that changes name-for-name, points at the right one.
//
// # Listings
//
// Listings are numbered in the index's order: towns along a Hilbert curve
// through their centres, then, within a town, along the same curve. Towns
// near each other, and neighbourhoods of a big town, are runs of numbers;
// runs of at most Options.AreaSize listings are the areas. Lists of
// listings are written as gaps (see vlq.go): a town's run costs one
// character per listing before gzip, and next to nothing after.
//
// # Words
//
// For each language, every word of a listing's name, and of its
// description, services' names and descriptions, town and postal code in
// that language (or the text readers of that language see), normalised,
// with Arabic words also without their article. Each word has two lists:
// listings that have it in their name, and the others. The sorted
// vocabulary is cut into shards of about Options.ShardBytes; the entry
// gives the first word of each. Words found outside names in a fifth of
// the listings (and at least 200) are left out there and listed in the
// entry: a query treats them as matching everything. Keys ~<town> and
// #<postal code> hold a town's or postal code's listings, and its centre in
// place of the names list.
//
// Category names and synonyms (categories.yaml's synonyms), in every
// language of the guide, are in the entry; a word that matches one selects
// the category's file.
//
// # Privacy
//
// The index reads a listing's location only through
// (*content.Listing).Public, which owns the rule of hidden addresses. A
// listing whose address is hidden has no street in the records, and the
// position of its town's centre, computed from the published positions
// only, in the area shard, with a flag that says so; no file holds its
// coordinates.
package search
