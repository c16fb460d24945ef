// Package slug owns how names are compared and how they become file
// names. Fold is the folding of search (case, accents, letter variants of
// Latin, Greek, Cyrillic, Arabic and Persian): two names that fold alike
// are the same name. Make turns a name into a slug readable in Latin
// letters, transliterating the scripts of the guide's readers. It imports
// no other package of abri, so that content, search and render share it.
package slug

//go:generate sh -c "node testdata/genfold.js > fold_table.go"

import (
	"strings"
	"unicode"
)

// Fold folds a text for matching: lower case; accents and other
// combining marks removed (é→e, ç→c), ß→ss, æ→ae, œ→oe, ø→o; Arabic alef
// variants أ إ آ ٱ→ا, ة→ه, ى→ي, ؤ→و, ئ→ي, tashkeel and tatweel removed;
// Persian and Pashto ی ې ۍ→ي, ک→ك; Arabic-Indic digits→0-9; Cyrillic ё→е;
// punctuation, symbols and emoji become single spaces; invisible format
// characters (ZWNJ, soft hyphen, bidi marks) are removed. An apostrophe
// after a Cyrillic letter is removed (здоров’я→здоровя); elsewhere it
// separates words (l'accueil→l accueil).
//
// themes/default/static/search.js implements the same function (normalize),
// character for character; generator/search's tests run both over every
// character of the Basic Multilingual Plane.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // no leading space
	var prev rune
	for _, r := range s {
		f1, f2 := foldRune(r)
		for _, f := range [2]rune{f1, f2} {
			switch {
			case f == 0:
				continue
			case f == drop:
				continue
			case f == apostrophe && isCyrillic(prev):
				continue
			case f == apostrophe || f == ' ':
				if !space {
					b.WriteByte(' ')
					space = true
				}
				prev = ' '
			default:
				b.WriteRune(f)
				space = false
				prev = f
			}
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}

// Markers foldRune returns for characters that are not simply kept.
const (
	drop       rune = -1 // removed: combining marks, tatweel, format characters
	apostrophe rune = -2 // separates words, except after a Cyrillic letter
)

// foldRune returns what a character becomes: usually one character (and
// 0), two for ß æ œ ĳ þ, a space for a separator, or a marker.
func foldRune(r rune) (rune, rune) {
	if r < 0x80 {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			return r, 0
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A', 0
		case r == '\'':
			return apostrophe, 0
		}
		return ' ', 0
	}
	switch {
	case r == 0x130: // İ: JavaScript lowers it to i and a combining dot
		return 'i', 0
	case inRanges(r, lowerRanges):
		r = unicode.ToLower(r)
	}
	if f, ok := specials[r]; ok {
		return f[0], f[1]
	}
	if b, ok := nfdBase[r]; ok {
		return b, 0
	}
	switch {
	case r == 0x2019 || r == 0x02bc:
		return apostrophe, 0
	case inRanges(r, dropRanges):
		return drop, 0
	case r > 0xffff || inRanges(r, separatorRanges):
		return ' ', 0
	}
	return r, 0
}

func isCyrillic(r rune) bool { return r >= 0x400 && r <= 0x4ff }

// runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

func inRanges(r rune, rs []runeRange) bool {
	for _, x := range rs {
		if r >= x.lo && r <= x.hi {
			return true
		}
	}
	return false
}

// lowerRanges are the blocks whose case Go and every browser agree on;
// newer letters elsewhere keep their case in both.
var lowerRanges = []runeRange{
	{0x0000, 0x1c7f}, {0x1c90, 0x1cbf}, {0x1e00, 0x1fff}, {0x2c00, 0x2d2f},
	{0xa640, 0xa69f}, {0xa720, 0xa7c7}, {0xff21, 0xff3a},
}

// specials are the folds that Unicode decomposition does not give.
var specials = map[rune][2]rune{
	'ß': {'s', 's'}, 'æ': {'a', 'e'}, 'œ': {'o', 'e'}, 'ø': {'o'}, 'đ': {'d'}, 'ð': {'d'},
	'ł': {'l'}, 'ħ': {'h'}, 'ı': {'i'}, 'þ': {'t', 'h'}, 'ŀ': {'l'}, 'ĳ': {'i', 'j'}, 'ſ': {'s'},
	'ς': {'σ'}, 'ё': {'е'},
	'آ': {'ا'}, 'أ': {'ا'}, 'إ': {'ا'}, 'ٱ': {'ا'}, 'ٲ': {'ا'}, 'ٳ': {'ا'},
	'ؤ': {'و'}, 'ئ': {'ي'},
	'ة': {'ه'}, 'ۀ': {'ه'}, 'ہ': {'ه'}, 'ۂ': {'ه'}, 'ۃ': {'ه'}, 'ھ': {'ه'}, 'ە': {'ه'},
	'ى': {'ي'}, 'ی': {'ي'}, 'ې': {'ي'}, 'ۍ': {'ي'},
	'ک': {'ك'}, 'ڪ': {'ك'},
	'٠': {'0'}, '١': {'1'}, '٢': {'2'}, '٣': {'3'}, '٤': {'4'}, '٥': {'5'}, '٦': {'6'}, '٧': {'7'}, '٨': {'8'}, '٩': {'9'},
	'۰': {'0'}, '۱': {'1'}, '۲': {'2'}, '۳': {'3'}, '۴': {'4'}, '۵': {'5'}, '۶': {'6'}, '۷': {'7'}, '۸': {'8'}, '۹': {'9'},
}

// dropRanges are removed without a trace: combining marks (accents, Arabic
// tashkeel, Hebrew points), tatweel, and invisible format characters.
var dropRanges = []runeRange{
	{0x00ad, 0x00ad}, {0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd}, {0x05bf, 0x05bf},
	{0x05c1, 0x05c2}, {0x05c4, 0x05c5}, {0x05c7, 0x05c7}, {0x0610, 0x061a}, {0x061c, 0x061c},
	{0x0640, 0x0640}, {0x064b, 0x065f}, {0x0670, 0x0670}, {0x06d6, 0x06dc}, {0x06df, 0x06e4},
	{0x06e7, 0x06e8}, {0x06ea, 0x06ed}, {0x08d3, 0x08ff}, {0x1ab0, 0x1aff}, {0x1dc0, 0x1dff},
	{0x200b, 0x200f}, {0x202a, 0x202e}, {0x2060, 0x2064}, {0x2066, 0x206f}, {0x20d0, 0x20ff},
	{0xfe00, 0xfe0f}, {0xfe20, 0xfe2f}, {0xfeff, 0xfeff},
}

// separatorRanges are punctuation, spaces and symbols outside ASCII.
var separatorRanges = []runeRange{
	{0x0080, 0x00bf}, {0x00d7, 0x00d7}, {0x00f7, 0x00f7}, {0x02b0, 0x02ff}, {0x037e, 0x037e},
	{0x0387, 0x0387}, {0x055a, 0x055f}, {0x0589, 0x058a}, {0x05be, 0x05be}, {0x05c0, 0x05c0},
	{0x05c3, 0x05c3}, {0x05c6, 0x05c6}, {0x05f3, 0x05f4}, {0x0600, 0x060f}, {0x061b, 0x061b},
	{0x061d, 0x061f}, {0x066a, 0x066d}, {0x06d4, 0x06d4}, {0x06dd, 0x06de}, {0x06e9, 0x06e9},
	{0x0964, 0x0965}, {0x10fb, 0x10fb}, {0x2000, 0x200a}, {0x2010, 0x2029}, {0x202f, 0x205f},
	{0x2070, 0x2bff}, {0x2e00, 0x2e7f}, {0x3000, 0x303f}, {0xd800, 0xf8ff}, {0xfd3e, 0xfd3f},
	{0xfe10, 0xfe1f}, {0xfe30, 0xfe6f}, {0xff00, 0xff0f}, {0xff1a, 0xff20}, {0xff3b, 0xff40}, {0xff5b, 0xff65},
	{0xfff0, 0xffff},
}
