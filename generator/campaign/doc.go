// Package campaign owns the tools of an update campaign, when volunteers
// phone or visit many places at once: the selection of listings (ids,
// files, a city, a category with its sub-categories), the call list of
// listings not checked for a while (Stale, with its CSV and printable HTML
// forms), and the edits the campaign makes to listing files: setting
// updated: (SetUpdated), adding and removing a temporary closure
// (AddClosure, RemoveClosure).
//
// The edits are made on the file's bytes, never by re-encoding the YAML:
// the positions of yaml.v3's nodes tell which bytes to replace or where to
// insert whole lines, so comments, quoting, key order, line endings (CRLF
// too) and every other byte stay as the editor wrote them, and a diff of
// the change shows only what the campaign did. Each edit is checked by
// parsing the result again: unless the new tree is the old one with just
// that change, the edit is refused with a message saying to do it by hand.
package campaign
