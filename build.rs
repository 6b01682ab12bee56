//! Build script: packs the gazetteers (`data/places.txt` with `data/regions.txt`, decoded once into a set;
//! and the world-knowledge lists `data/given-names.txt`, `surnames.txt`, `places-more.txt`,
//! `orgs-more.txt`, searched in place, in blocks with an index) into front-coded lists that
//! `src/entities/gazetteers.rs` includes, so the extension's WebAssembly carries less data.
//!
//! Front coding (the sorted-dictionary compression of Witten, Moffat and Bell, *Managing Gigabytes*,
//! ch. 4): the names are sorted and deduplicated; each is written as one byte giving how many leading
//! bytes it shares with the name before it (cut back to a character boundary, at most 255), then the
//! rest of the name, then `\n`. "Aachen" after "A Coruña" is `\x01achen\n`. Names contain no newline
//! (they are lines). Same set of names as the text files, ~25% fewer bytes gzipped; decoded once into
//! the same hash set by `entities::gazetteers`.

use std::fs;
use std::path::Path;

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let lists: [(&str, &[&str]); 5] = [
        ("places.fc", &["data/places.txt", "data/regions.txt"]),
        ("given-names.bfc", &["data/given-names.txt"]),
        ("surnames.bfc", &["data/surnames.txt"]),
        ("places-more.bfc", &["data/places-more.txt"]),
        ("orgs-more.bfc", &["data/orgs-more.txt"]),
    ];
    for (file, sources) in lists {
        let mut names: Vec<String> = Vec::new();
        for path in sources {
            println!("cargo:rerun-if-changed={path}");
            let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            names.extend(text.lines().filter(|l| !l.is_empty()).map(str::to_string));
        }
        names.sort();
        names.dedup();
        let out = Path::new(&out_dir).join(file);
        let bytes = if file.ends_with(".bfc") {
            blocked_front_code(&names)
        } else {
            front_code(&names)
        };
        fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    }
    key_point_weights(Path::new(&out_dir));
}

/// The key-point scorer's weights (`data/key-point-weights.tsv`: `feature<TAB>weight` lines, `#`
/// comments) as Rust constants: `KEY_POINT_WEIGHT_NAMES` and `KEY_POINT_WEIGHTS`, included by
/// `src/bullets/key_points.rs` (whose tests check the names against its feature list).
fn key_point_weights(out_dir: &Path) {
    let path = "data/key-point-weights.tsv";
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (mut names, mut weights) = (String::new(), String::new());
    let mut n = 0;
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (name, w) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{path}: no tab in {line:?}"));
        let w: f64 = w
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{path}: {line:?}: {e}"));
        names += &format!("{name:?}, ");
        weights += &format!("{w:?}, ");
        n += 1;
    }
    let code = format!(
        "/// Feature names of the learned key-point weights (data/key-point-weights.tsv).\n\
         #[allow(dead_code)]\n\
         const KEY_POINT_WEIGHT_NAMES: [&str; {n}] = [{names}];\n\
         /// The learned key-point weights, one per feature (data/key-point-weights.tsv).\n\
         const KEY_POINT_WEIGHTS: [f64; {n}] = [{weights}];\n"
    );
    let out = out_dir.join("key_point_weights.rs");
    fs::write(&out, code).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// Names per block of [`blocked_front_code`].
const BLOCK: usize = 8;

/// Sorted `names` front-coded in blocks of [`BLOCK`], each block's first name written whole, behind an
/// index of where each block starts, so that a name is found without decoding the list (the
/// restart points of LevelDB's prefix-compressed blocks): `u32` block count B, B `u32` offsets into
/// the body, the body (little-endian). Names are at most 255 bytes.
fn blocked_front_code(names: &[String]) -> Vec<u8> {
    let (mut index, mut body) = (Vec::new(), Vec::new());
    for block in names.chunks(BLOCK) {
        index.push(u32::try_from(body.len()).expect("list under 4 GB"));
        body.extend(front_code(block));
    }
    assert!(names.iter().all(|n| n.len() <= 255 && !n.contains('\n')));
    let mut out = u32::try_from(index.len())
        .expect("blocks")
        .to_le_bytes()
        .to_vec();
    out.extend(index.iter().flat_map(|o| o.to_le_bytes()));
    out.extend(body);
    out
}

/// The front-coded form of sorted `names` (see the module documentation).
fn front_code(names: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev = "";
    for name in names {
        let mut shared = prev
            .bytes()
            .zip(name.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(255);
        while !name.is_char_boundary(shared) {
            shared -= 1;
        }
        out.push(shared as u8);
        out.extend_from_slice(&name.as_bytes()[shared..]);
        out.push(b'\n');
        prev = name;
    }
    out
}
