// Package opendata writes a guide's data in the sector's open standards,
// under the site's data/ folder: data·inclusion (France's referential of
// inclusion services), Open Referral's HSDS 3.0, and GeoJSON and CSV for
// maps and spreadsheets. The data is a commons: the guide's licence travels
// with it, and what a standard cannot say is left out, never invented.
//
// Every export reads where a place is through content.Listing.Public, the
// one owner of the rule for hidden addresses: no street nor position of a
// hidden address appears in any file. Drafts are not exported; places
// closed for good are, with their status. The same guide gives the same
// bytes.
package opendata
