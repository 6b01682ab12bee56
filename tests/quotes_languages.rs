//! Attribution in German, Spanish and French: one small invented article per language
//! (`tests/fixtures/quotes/`), each with the attribution patterns of its language after and before
//! the quote ("sagte X", "so X", "dijo el portavoz X", "afirmó la alcaldesa, X", "a déclaré X",
//! "selon X", "según el consejero …, X").

fn speakers(name: &str) -> Vec<(String, Option<String>)> {
    let path = format!(
        "{}/tests/fixtures/quotes/{name}.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(&path).unwrap();
    let s = lede::summarize(&lede::Snapshot::from_html(&html, None));
    s.quotes
        .into_iter()
        .filter(|q| !q.fragment)
        .map(|q| (q.text, q.speaker))
        .collect()
}

fn check(name: &str, want: &[(&str, &str)]) {
    let got = speakers(name);
    assert_eq!(got.len(), want.len(), "{name}: {got:?}");
    for ((text, speaker), (start, who)) in got.iter().zip(want) {
        assert!(text.starts_with(start), "{name}: {text:?} vs {start:?}");
        assert_eq!(speaker.as_deref(), Some(*who), "{name}: {text:?}");
    }
}

#[test]
fn german_sagte_so_and_role_nouns() {
    check(
        "de",
        &[
            ("Wir haben die Reparatur", "Marlene Voss"),
            ("Ohne die Fähre", "Jens Harmsen"),
            ("Das ist ein gutes Zeichen", "Tobias Brandt"),
            ("Wir werden die Preise", "Paul Lindner"),
        ],
    );
}

#[test]
fn spanish_dijo_el_portavoz_afirmo_la_alcaldesa_segun() {
    check(
        "es",
        &[
            ("La terminal dará trabajo", "Andrés Salcedo"),
            ("Hemos esperado esta obra", "Lucía Ferrán"),
            ("Nadie debe perder", "Marta Quiroga"),
            ("el puerto será el motor", "Tomás Bielsa"),
        ],
    );
}

#[test]
fn french_a_declare_a_ajoute_le_maire_selon() {
    check(
        "fr",
        &[
            ("Ce prolongement était attendu", "Sophie Marchal"),
            ("Nous allons enfin relier", "Étienne Rocher"),
            ("La facture sera payée", "Claire Dubois"),
            ("Les travaux dureront", "Marc Perrin"),
        ],
    );
}
