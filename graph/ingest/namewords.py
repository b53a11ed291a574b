"""The word lists :mod:`.names` reads a name's edges by: connectors inside a name, words that
lead a sentence before one, common lower-case words that never start one, generic words that are
never a whole name, and the capitalised articles that start the next name after a legal form."""

from __future__ import annotations

__all__ = ["COMMON", "CONNECT", "GENERIC_ONE", "LEADING", "OPENERS"]

CONNECT = frozenset({"of", "and", "en", "&", "\\&", "&amp;", "de", "du", "des", "der", "für",
                     "la", "le", "y", "e", "ve",
                     "for", "dos", "das", "do", "da", "del", "della", "di", "van", "von", "den",
                     "im", "am", "Inh."})  # "Apotheke im Paunsdorf Center Inh. Kirsten Fritsch"
LEADING = frozenset({"the", "this", "that", "these", "our", "your", "if", "for", "in", "by",
                     "when", "where", "please", "however", "both", "each", "dear", "copyright",
                     "all", "any", "from", "with", "under", "and", "or", "as", "to", "at", "on",
                     "contact", "controller", "data", "personal", "users", "via", "is",
                     "we", "wir", "nous", "noi", "nosotros", "wij", "nós", "we’re", "we're",
                     # greetings and document lines before a name
                     "welcome", "thank", "thanks", "hello", "version", "updated",
                     "será", "sera", "sarà", "serão", "wird",
                     "willkommen", "bienvenue", "benvenuto", "benvenuti", "bienvenido", "welkom",
                     "bem-vindo", "aktualisiert",
                     "until", "since", "before", "after", "effective", "currently", "otherwise",
                     "while", "whereas", "but", "then", "also", "namely", "i.e.", "e.g.",
                     # the same words in the other languages read
                     "für", "o", "a", "le", "la", "les", "l", "die", "der", "das", "den", "dem",
                     "el", "il", "lo", "los", "las", "het", "een", "une", "un", "ein", "eine",
                     "entidad:", "entity:", "société", "sociedad", "società", "firma", "empresa",
                     "sauf", "si", "wenn", "als", "bei", "pour", "par", "por", "per", "door",
                     "von", "vom", "zur", "et", "und", "en", "y", "e", "ou", "oder", "of",
                     # prepositions of the other languages read, glued to a name at a
                     # sentence's start ("Bij Voorbeeld Accountants BV kunt u …")
                     "bij", "voor", "naar", "beim", "mit", "durch", "chez", "avec", "auprès",
                     "presso", "tramite", "mediante", "dalla", "dal", "pela", "pelo", "junto",
                     "på", "för", "hos", "av", "med", "till", "til", "fra", "från", "ved", "af",
                     "przez", "dla",
                     # role words in front of a name
                     "verantwortlich", "verantwortliche", "verantwortlicher", "titolare",
                     "responsable", "responsabile", "verwerkingsverantwoordelijke"})
#: Common lower-case words that never start a company name, in the languages read
COMMON = LEADING | CONNECT | frozenset({
    "an", "its", "their", "his", "her", "company", "group", "entity", "named", "called",
    "trading", "are", "was", "were", "be", "been", "which", "who", "whose", "not", "only",
    "einer", "eines", "einem", "jeder", "jede", "jedes", "dieser", "diese", "dieses", "unserer",
    "unsere", "unser", "ihrer", "ihre", "seiner", "seine", "jeweilige", "jeweiligen",
    "genannte", "genannten", "zuständige", "zuständigen", "sowie", "bzw", "auf", "aus",
    "mit", "nach", "über", "unter", "zu", "zum", "namens", "ist", "sind", "gesellschaft",
    "au", "aux", "chez", "avec", "notre", "nos", "votre", "vos", "sa", "son", "ses", "leur",
    "cette", "ce", "filiale", "groupe", "est", "sont", "dont", "qui", "que",
    "dalla", "dal", "alla", "al", "nella", "nel", "con", "su", "sua", "suo", "nostra",
    "nostro", "gruppo", "è", "sono", "che", "dai", "dagli", "degli",
    "nuestra", "nuestro", "grupo", "es", "bij", "met", "onze", "ons", "zijn", "haar",
    "vennootschap", "groep",
    "na", "no", "pela", "pelo", "com", "seu", "nossa", "nosso", "sociedade", "é", "são",
    # question words, adverbs and prepositions
    "how", "what", "when", "why", "through", "about", "into", "upon", "within", "without",
    "between", "against", "towards", "behalf", "thus", "here", "there", "hoe", "wat", "wie",
    "waar", "wanneer", "voor", "naar", "om", "op", "uit", "over", "dat", "deze", "dit", "ook",
    "niet", "wordt", "worden", "heeft", "hebben", "wer", "wo", "dass", "durch", "seit",
    "auch", "nicht", "wird", "werden", "hat", "haben", "comment", "quand", "où", "sur", "dans",
    "aussi", "pas", "été", "lors", "come", "quando", "dove", "anche", "non", "presso",
    "tramite", "cómo", "cuando", "donde", "para", "también", "mediante", "como", "onde",
    "através", "bem", "und", "oder"})
#: One generic word is not a whole name: "orka Partnerschaft mbB" reads the word before it
GENERIC_ONE = frozenset({"Partnerschaft", "Gesellschaft", "Group", "Gruppe", "Groupe", "Gruppo",
                          "Grupo", "Groep", "Holding", "Holdings", "Company", "Partners",
                          "Services", "Consulting", "Solutions", "Technologies", "Systems",
                          "Media", "Labs", "Software", "Digital", "International", "Studio",
                          "Studios", "Verlag", "Beratung", "Management", "Ventures"})
#: A capitalised article or determiner after a legal form starts the next name or sentence
OPENERS = frozenset({"The", "Die", "Der", "Das", "La", "Le", "Les", "L", "Il", "Lo", "El", "Los",
                      "Las", "Het", "De", "A", "O", "Os", "As", "This", "Diese", "Ce", "Cette"})
