// A generated long article for the panel's long-content tests: 60 attributed quotes and about 200
// distinct people, organisations and places, built from fixed name lists (deterministic).

const GIVEN = ['Anna', 'Peter', 'Maria', 'Thomas', 'Laura', 'Daniel', 'Sara', 'Martin', 'Elena', 'Jonas',
  'Clara', 'David', 'Julia', 'Simon', 'Nora', 'Lukas', 'Marta', 'Oliver', 'Irene', 'Samuel'];
const FAMILY = ['Keller', 'Novak', 'Brandt', 'Moreau', 'Fischer', 'Varga', 'Lindqvist', 'Costa',
  'Horvath', 'Jansen', 'Ricci', 'Dubois', 'Weber', 'Kowalski', 'Berger', 'Nilsen'];
const CITIES = ['Paris', 'Berlin', 'Madrid', 'Rome', 'Vienna', 'Prague', 'Warsaw', 'Budapest', 'Lisbon',
  'Dublin', 'Oslo', 'Stockholm', 'Helsinki', 'Copenhagen', 'Amsterdam', 'Brussels', 'Athens', 'Sofia',
  'Bucharest', 'Zagreb', 'Tokyo', 'Seoul', 'Beijing', 'Delhi', 'Cairo', 'Nairobi', 'Lagos', 'Lima',
  'Bogota', 'Santiago', 'Toronto', 'Chicago', 'Boston', 'Denver', 'Seattle', 'Sydney', 'Melbourne',
  'Auckland', 'Manila', 'Jakarta'];
const ORG_WORDS = ['Harbour', 'Transit', 'Energy', 'Water', 'Housing', 'Science', 'Trade', 'Farming',
  'Rail', 'Health'];
const ORG_KINDS = ['Authority', 'Institute', 'Council', 'Association'];

/** People: `count` distinct "Given Family" names. */
export function people(count) {
  const out = [];
  for (let i = 0; out.length < count; i++) {
    out.push(`${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}`);
  }
  return out;
}

export function organisations() {
  return ORG_WORDS.flatMap((w) => ORG_KINDS.map((k) => `National ${w} ${k}`));
}

/** The article HTML: headline, byline, 60 quote paragraphs, then paragraphs naming everyone else. */
export function longArticle({ quotes = 60, persons = 120 } = {}) {
  const names = people(persons);
  const orgs = organisations();
  const paras = [];
  for (let i = 0; i < quotes; i++) {
    const who = names[i];
    const org = orgs[i % orgs.length];
    const city = CITIES[i % CITIES.length];
    paras.push(
      `<p>“The plan for the new harbour district must be finished before winter, and number ${i + 1} ` +
        `of our proposals explains how,” said ${who}, a spokesperson for the ${org}, in ${city} on Monday.</p>`,
    );
  }
  for (let i = quotes; i < names.length; i += 2) {
    const org = orgs[(i * 7) % orgs.length];
    const city = CITIES[(i * 3) % CITIES.length];
    paras.push(
      `<p>Later in the week ${names[i]} and ${names[i + 1] ?? names[0]} travelled to ${city} to meet ` +
        `the board of the ${org}, which has offices across the region.</p>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>City council approves harbour district plan after months of debate</title>
<meta property="og:site_name" content="Harbour Gazette"></head>
<body><article><h1>City council approves harbour district plan after months of debate</h1>
<p class="byline">By Ruth Adler</p>
${paras.join('\n')}
</article></body></html>`;
}
