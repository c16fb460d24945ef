package slug

// The transliteration tables apply to folded text: lower case, accents
// removed, Arabic letter variants already merged (Fold). They aim at slugs
// a reader can type and recognise, not at scholarly romanisation:
//
//   - Cyrillic: the Ukrainian national system (2010), which Ukraine uses
//     for its place names: г→h, ґ→g, и→y, і→i, ї→yi, є→ye, й→y, ю→yu, я→ya
//     at the start of a word, ї→i, є→ie, й→i, ю→iu, я→ia elsewhere, зг→zgh,
//     ь and the apostrophe left out (Київ→kyiv, Львів→lviv, Харків→kharkiv).
//     Russian letters follow the same table: ы→y, э→e, ъ left out, ё is
//     folded to е; a few Serbian, Macedonian and Belarusian letters too.
//   - Greek: ELOT 743 without its rules on context but ου→ou, αυ→av,
//     ευ→ev, γγ→ng (Αθήνα→athina, Θεσσαλονίκη→thessaloniki).
//   - Georgian: the national system (2002) without its apostrophes
//     (თბილისი→tbilisi, ქუთაისი→kutaisi).
//   - Armenian: ISO 9985 simplified, ու→u, ե→ye and ո→vo at the start of a
//     word (Երևան→yerevan).
//   - Arabic, Persian, Pashto, Urdu: one Latin letter or two for each
//     letter; the short vowels, which are not written, are not guessed;
//     و→u and ي→i inside a word, w and y at its start (بيروت→birut,
//     کابل→kabl).
//   - A few Latin letters that do not decompose: ə→e, ŋ→ng, ɛ→e, ɔ→o.

// letters maps a folded letter to Latin letters.
var letters = map[rune]string{
	// Cyrillic
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie",
	'ж': "zh", 'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l",
	'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu",
	'я': "ia", 'ы': "y", 'э': "e", 'ъ': "", 'ў': "u", 'ј': "j", 'љ': "lj", 'њ': "nj",
	'џ': "dz", 'ђ': "dj", 'ћ': "c", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	// Greek
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p",
	'ρ': "r", 'σ': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
	// Georgian
	'ა': "a", 'ბ': "b", 'გ': "g", 'დ': "d", 'ე': "e", 'ვ': "v", 'ზ': "z", 'თ': "t",
	'ი': "i", 'კ': "k", 'ლ': "l", 'მ': "m", 'ნ': "n", 'ო': "o", 'პ': "p", 'ჟ': "zh",
	'რ': "r", 'ს': "s", 'ტ': "t", 'უ': "u", 'ფ': "p", 'ქ': "k", 'ღ': "gh", 'ყ': "q",
	'შ': "sh", 'ჩ': "ch", 'ც': "ts", 'ძ': "dz", 'წ': "ts", 'ჭ': "ch", 'ხ': "kh", 'ჯ': "j",
	'ჰ': "h",
	// Armenian
	'ա': "a", 'բ': "b", 'գ': "g", 'դ': "d", 'ե': "e", 'զ': "z", 'է': "e", 'ը': "y",
	'թ': "t", 'ժ': "zh", 'ի': "i", 'լ': "l", 'խ': "kh", 'ծ': "ts", 'կ': "k", 'հ': "h",
	'ձ': "dz", 'ղ': "gh", 'ճ': "ch", 'մ': "m", 'յ': "y", 'ն': "n", 'շ': "sh", 'ո': "o",
	'չ': "ch", 'պ': "p", 'ջ': "j", 'ռ': "r", 'ս': "s", 'վ': "v", 'տ': "t", 'ր': "r",
	'ց': "ts", 'ւ': "v", 'փ': "p", 'ք': "k", 'օ': "o", 'ֆ': "f", 'և': "ev",
	// Arabic, after Fold (أ إ آ→ا, ة→ه, ى ی→ي, ک→ك, ؤ→و, ئ→ي)
	'ا': "a", 'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d",
	'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t",
	'ظ': "z", 'ع': "a", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m",
	'ن': "n", 'ه': "h", 'و': "u", 'ي': "i", 'ء': "",
	// Persian, Pashto, Urdu
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ڤ': "v", 'ټ': "t", 'ډ': "d", 'ړ': "r",
	'ږ': "zh", 'ښ': "sh", 'ځ': "dz", 'څ': "ts", 'ڼ': "n", 'ګ': "g", 'ٹ': "t", 'ڈ': "d",
	'ڑ': "r", 'ں': "n", 'ے': "e",
	// Latin letters that do not decompose
	'ə': "e", 'ŋ': "ng", 'ɛ': "e", 'ɔ': "o", 'ɲ': "ny", 'ɓ': "b", 'ɗ': "d", 'ƙ': "k", 'ƴ': "y",
}

// initials replace letters at the start of a word.
var initials = map[rune]string{
	'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya",
	'ե': "ye", 'ո': "vo",
	'و': "w", 'ي': "y",
}

// digraphs are pairs of letters written differently than letter by letter.
var digraphs = map[[2]rune]string{
	{'з', 'г'}: "zgh",
	{'ο', 'υ'}: "ou", {'α', 'υ'}: "av", {'ε', 'υ'}: "ev", {'η', 'υ'}: "iv", {'γ', 'γ'}: "ng",
	{'ո', 'ւ'}: "u",
}
