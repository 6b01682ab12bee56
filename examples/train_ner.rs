//! Train Lede's entity tagger and write its weights (`data/ner.model`).
//!
//! usage: `cargo run --release --example train_ner -- [CORPUS] [OUT] [--epochs N] [--seed S] [--dump DIR]`
//! (defaults: `../shared/corpus/conll2003`, `data/ner.model`, 9 epochs, seed 1). Deterministic for a
//! given corpus, seed and epoch count. See `docs/entities.md` for the method and its figures.

use std::path::PathBuf;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut take = |flag: &str, default: u64| -> u64 {
        match args.iter().position(|a| a == flag) {
            Some(i) if i + 1 < args.len() => {
                let v = args.remove(i + 1);
                args.remove(i);
                v.parse()
                    .unwrap_or_else(|_| panic!("{flag} wants a number"))
            }
            _ => default,
        }
    };
    let epochs = take("--epochs", 9) as usize;
    let seed = take("--seed", 1);
    let dump = args.iter().position(|a| a == "--dump").map(|i| {
        let d = PathBuf::from(args.get(i + 1).cloned().unwrap_or_default());
        args.drain(i..(i + 2).min(args.len()));
        d
    });
    let corpus = PathBuf::from(
        args.first()
            .map_or("../shared/corpus/conll2003", String::as_str),
    );
    let out = PathBuf::from(args.get(1).map_or("data/ner.model", String::as_str));
    let started = std::time::Instant::now();
    let read = |split| {
        lede::entities::train::read_split(&corpus, split).unwrap_or_else(|e| {
            eprintln!("train_ner: {e}");
            std::process::exit(2)
        })
    };
    let (train, dev) = (read("train"), read("dev"));
    eprintln!(
        "train_ner: {} training and {} dev documents",
        train.len(),
        dev.len()
    );
    let model = lede::entities::train::train(&train, &dev, epochs, seed, dump.as_deref());
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!(
        "train_ner: {} features with weights, {} bytes written to {} in {:.1} s",
        model.features(),
        bytes.len(),
        out.display(),
        started.elapsed().as_secs_f64()
    );
}
