//! Key points: the candidate sentences of an article, their features, the learned linear scorer over
//! them, and the pick by maximal marginal relevance (see the parent module's documentation).
//!
//! The weights are data (`data/key-point-weights.tsv`, packed into the crate by `build.rs`), learned by
//! `python3 scripts/train_key_points.py` from the oracle sentences of the CNN/DailyMail development
//! half (`docs/data-sources.md`).

use super::*;

/// What the key-point picker reads about the article.
pub struct Article<'a> {
    /// Body paragraphs (the page's own summary already left out).
    pub paras: &'a [Para],
    /// `skip[i]` is true when paragraph `i` is no key-point source ([`not_prose`]: a sub-head, a
    /// caption, a credit).
    pub skip: &'a [bool],
    /// The headline, if any.
    pub headline: Option<&'a str>,
    /// Lower-cased words of the article's salient entities' names, with their salience in 0..=1.
    pub entity_salience: &'a HashMap<String, f64>,
}

/// Names of the sentence features, in the order of [`Candidates::features`] and of the weights in
/// `data/key-point-weights.tsv`.
pub const FEATURES: [&str; 18] = [
    "bias",
    "position",     // exp(-i / 5) for the i-th body sentence
    "lede",         // 1 for the article's first sentence (after its wire tag)
    "paragraph",    // exp(-j / 3) for a sentence of the j-th prose paragraph
    "para_first",   // 1 for the first sentence of its paragraph
    "relative",     // i / sentences
    "length",       // words / 40
    "short",        // 1 under 15 words
    "centrality",   // LexRank score / the article's highest
    "headline",     // TF-IDF cosine with the headline
    "entities",     // salience of the article's main entities named (capped at 1)
    "dependent",    // 1 when it opens with a pronoun or a connective ("He", "But", "This")
    "quote_share",  // share of its characters inside quotation marks
    "attributed",   // 1 when it carries a speech verb ("said", "says", "told")
    "clause_cut",   // 1 when cut back to its main clause
    "tagged",       // 1 when a wire tag or dateline was cut off its start
    "numbers",      // 1 when it holds a figure
    "first_person", // 1 when "I", "we", "my", "our" occur in a sentence without quotation
];

include!(concat!(env!("OUT_DIR"), "/key_point_weights.rs"));

/// Speech verbs of attribution (the `attributed` feature).
const SAID: &[&str] = &["said", "says", "told", "added", "according"];
/// First-person words (the `first_person` feature: commentary and first-person essays).
const FIRST_PERSON: &[&str] = &["i", "we", "my", "our", "me", "us"];

/// The candidate key points of an article: each a verbatim span that keeps the bullet rules, with its
/// features, and what the pick needs.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    /// (paragraph index, start byte, end byte) of each candidate in [`Article::paras`].
    pub spans: Vec<(usize, usize, usize)>,
    /// The index of each candidate's sentence among the body sentences (rows of [`Self::similarity`]).
    pub sentence: Vec<usize>,
    /// Each candidate's feature vector, in [`FEATURES`] order.
    pub features: Vec<[f64; FEATURES.len()]>,
    /// Whether each candidate is a quotation (more than [`QUOTED_SHARE`] of it quoted).
    pub quoted: Vec<bool>,
    /// Cosine similarity of the body sentences (TF-IDF), a square matrix: candidates `a` and `b` are
    /// `similarity[sentence[a]][sentence[b]]` alike.
    pub similarity: Vec<Vec<f64>>,
    /// How many key points the article gets: 3, 4 when long, 5 when very long.
    pub want: usize,
}

/// The learned score of a feature vector: the logistic function of the weighted sum of [`FEATURES`],
/// the model's probability (0 to 1) that the sentence is one of the article's oracle sentences.
pub fn score(f: &[f64; FEATURES.len()]) -> f64 {
    let z: f64 = f
        .iter()
        .zip(KEY_POINT_WEIGHTS.iter())
        .map(|(x, w)| x * w)
        .sum();
    1.0 / (1.0 + (-z).exp())
}

/// Choose three to five key-point sentences (extractive; see the module docs). Each bullet is a
/// verbatim span of a body paragraph, at most [`MAX_BULLET_WORDS`] words, in article order.
pub fn key_points(a: &Article) -> Vec<Bullet> {
    let c = key_point_candidates(a);
    let scores: Vec<f64> = c.features.iter().map(score).collect();
    let mut chosen = pick(&c, &scores);
    crate::sort::indices_by_key(&mut chosen, |ci| (c.spans[ci].0, c.spans[ci].1));
    chosen
        .into_iter()
        .map(|ci| {
            let (para, start, end) = c.spans[ci];
            let p = &a.paras[para];
            Bullet {
                text: p.text[start..end].to_string(),
                kind: BulletKind::Extracted,
                ranges: p.ranges(start, end),
            }
        })
        .collect()
}

/// Maximal marginal relevance (Carbonell & Goldstein 1998): repeatedly the candidate of best score
/// minus similarity to what is already chosen, never one too similar to a chosen one
/// ([`MAX_SIMILARITY`]), and at most one quotation unless most candidates are quotations.
fn pick(c: &Candidates, scores: &[f64]) -> Vec<usize> {
    let mostly_quotes = c.quoted.iter().filter(|&&q| q).count() * 2 > c.quoted.len();
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < c.want {
        let quote_taken = !mostly_quotes && chosen.iter().any(|&x| c.quoted[x]);
        let mut best: Option<(f64, usize)> = None;
        for (ci, &score) in scores.iter().enumerate() {
            if chosen.contains(&ci) || (quote_taken && c.quoted[ci]) {
                continue;
            }
            let redundancy = chosen
                .iter()
                .map(|&x| c.similarity[c.sentence[x]][c.sentence[ci]])
                .fold(0.0, f64::max);
            if redundancy > MAX_SIMILARITY {
                continue;
            }
            let mmr = MMR_LAMBDA * score - (1.0 - MMR_LAMBDA) * redundancy;
            if best.is_none_or(|(b, _)| mmr > b) {
                best = Some((mmr, ci));
            }
        }
        match best {
            Some((_, ci)) => chosen.push(ci),
            None => break,
        }
    }
    chosen
}

/// The candidates of [`key_points`]: every body sentence (its wire tag or dateline removed, a long
/// one cut to its main clause) that keeps the bullet rules, does not start or end inside a
/// quotation and is no caption, with its [`FEATURES`].
pub fn key_point_candidates(a: &Article) -> Candidates {
    let mut vocab = HashMap::default();
    let sents = body_sentences(a.paras, a.skip, &mut vocab);
    let k = sents.len();
    if k == 0 {
        return Candidates::default();
    }
    // sentence-level IDF, then LexRank centrality over TF-IDF cosine similarities
    let mut df = vec![0usize; vocab.len()];
    for s in &sents {
        let mut w = s.words.clone();
        crate::sort::indices(&mut w);
        w.dedup();
        for x in w {
            df[x] += 1;
        }
    }
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| ((k as f64 + 1.0) / (d as f64 + 0.5)).ln().max(0.0))
        .collect();
    let vecs: Vec<Vector> = sents.iter().map(|s| tfidf(&s.words, &idf)).collect();
    let sim = similarities(&vecs, vocab.len());
    let central = pagerank(&sim);
    let max_central = central.iter().copied().fold(0.0, f64::max).max(1e-12);
    let headline_vec = a
        .headline
        .map(|h| {
            let ids: Vec<usize> = word_tokens(h)
                .iter()
                .filter_map(|w| vocab.get(w).copied())
                .collect();
            tfidf(&ids, &idf)
        })
        .unwrap_or_default();

    let mut out = Candidates::default();
    let mut para_rank = 0usize;
    for (i, s) in sents.iter().enumerate() {
        if i > 0 && s.para != sents[i - 1].para {
            para_rank += 1;
        }
        // the article's opening sentence loses its wire tag ("(CNN) -- "), any sentence its dateline
        let tag = if i == 0 {
            quality::wire_tag_len(s.text)
        } else {
            0
        };
        let skip = tag.max(dateline_len(s.text));
        let whole = &s.text[skip..];
        // each text is segmented into words once: the sentence's own words unless a tag was cut
        let whole_words = match skip {
            0 => Cow::Borrowed(s.tokens.as_slice()),
            _ => Cow::Owned(word_tokens(whole)),
        };
        let whole_count = bullet_words_counted(whole, whole_words.len());
        let (start, mut end) = (s.start + skip, s.end);
        if whole_count > MAX_BULLET_WORDS {
            match main_clause(whole) {
                Some(cut) => end = start + cut,
                None => continue,
            }
        }
        let ptext = &a.paras[s.para].text;
        let text = &ptext[start..end];
        let cut_words;
        let (opening, count): (&[String], usize) = if end == s.end {
            (&whole_words, whole_count)
        } else {
            cut_words = word_tokens(text);
            (&cut_words, bullet_words_counted(text, cut_words.len()))
        };
        // a sentence cut to its main clause keeps the rules as a whole sentence, and the length limits
        // as cut
        if length_rule_counted(count).is_some()
            || sentence_rule_counted(whole.trim(), &whole_words, whole_count).is_some()
        {
            continue;
        }
        // never half a quotation, never a caption run into the text
        if quality::inside_quote_at(ptext, start)
            || quality::inside_quote_at(ptext, end)
            || quality::unbalanced_quotes(text)
            || quality::is_caption(whole)
        {
            continue;
        }
        let share = quality::quote_share(text);
        let entities = opening
            .iter()
            .filter_map(|w| a.entity_salience.get(w))
            .sum::<f64>()
            .min(1.0);
        let dependent = DEPENDENT_OPENERS.iter().any(|o| {
            opening.len() >= o.split(' ').count()
                && opening.iter().zip(o.split(' ')).all(|(a, b)| a == b)
        });
        // (in a sentence with a quotation the first person is usually the speaker's)
        let first_person =
            share == 0.0 && opening.iter().any(|w| FIRST_PERSON.contains(&w.as_str()));
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let position = (-(i as f64) / POSITION_DECAY).exp();
        let length = count as f64 / MAX_BULLET_WORDS as f64;
        out.features.push([
            1.0,
            position,
            flag(i == 0),
            (-(para_rank as f64) / 3.0).exp(),
            flag(s.start == 0),
            i as f64 / k as f64,
            length,
            flag(count < 15),
            central[i] / max_central,
            cosine(&vecs[i], &headline_vec),
            entities,
            flag(dependent),
            share,
            flag(opening.iter().any(|w| SAID.contains(&w.as_str()))),
            flag(end != s.end),
            flag(skip > 0),
            flag(text.bytes().any(|b| b.is_ascii_digit())),
            flag(first_person),
        ]);
        out.spans.push((s.para, start, end));
        out.quoted.push(share > QUOTED_SHARE);
        out.sentence.push(i);
    }
    out.similarity = sim;
    // (each sentence's UAX #29 words, segmented once for entities and key points: the paragraph's word
    // count but where a word would span a sentence break)
    let body_words: usize = a.paras.iter().map(|p| p.segments().words().count()).sum();
    out.want = KEY_POINTS + LONG_ARTICLE.iter().filter(|&&w| body_words > w).count();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_name_the_features_in_order() {
        assert_eq!(KEY_POINT_WEIGHT_NAMES, FEATURES);
        assert!(KEY_POINT_WEIGHTS.iter().any(|&w| w != 0.0));
    }
}
