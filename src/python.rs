//! The Python extension module `lede._lede` (PyO3, `--features python`; built by maturin from
//! `pyproject.toml`, wrapped by `python/lede/__init__.py`).
//!
//! Each function takes a page's bytes and returns the summary as the JSON text the CLI prints (the
//! Python side turns it into a `dict`), so the two can never drift apart. The analysis runs with the
//! GIL released (`Python::detach`): other Python threads go on meanwhile, and `summarize_batch` uses
//! its own worker threads ([`crate::batch::pipeline`]).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::batch;

/// One page's summary as JSON, or the one-line reason it has none.
fn page_json(
    bytes: Vec<u8>,
    url: Option<&str>,
    charset: Option<&str>,
    pretty: bool,
) -> Result<String, String> {
    let summary = batch::summarize_bytes(bytes, url, charset)?;
    let json = if pretty {
        serde_json::to_string_pretty(&summary)
    } else {
        serde_json::to_string(&summary)
    };
    json.map_err(|e| e.to_string())
}

/// summarize_json(html, url=None, charset=None, pretty=False) -> str
///
/// The summary of one page as JSON text: `html` is the page's bytes (gzipped or not, in any encoding;
/// `charset` the one it was served with, if known) and `url` its address. `pretty=True` gives exactly
/// what `lede PAGE.html --url URL` prints (without the final newline); otherwise the same JSON on one
/// line, as in `lede batch`. Raises ValueError with a one-line reason for input that is not a page.
#[pyfunction]
#[pyo3(signature = (html, url=None, charset=None, pretty=false))]
fn summarize_json(
    py: Python<'_>,
    html: &[u8],
    url: Option<String>,
    charset: Option<String>,
    pretty: bool,
) -> PyResult<String> {
    let html = html.to_vec();
    py.detach(|| page_json(html, url.as_deref(), charset.as_deref(), pretty))
        .map_err(PyValueError::new_err)
}

/// summarize_batch(pages, jobs) -> list[tuple[bool, str]]
///
/// Summaries of many pages on `jobs` threads, in the order given: each page is a tuple
/// `(html_bytes, url, charset)`, each result `(True, summary_json)` or `(False, reason)`.
#[pyfunction]
fn summarize_batch(
    py: Python<'_>,
    pages: Vec<(Bound<'_, PyBytes>, Option<String>, Option<String>)>,
    jobs: usize,
) -> Vec<(bool, String)> {
    let pages: Vec<(Vec<u8>, Option<String>, Option<String>)> = pages
        .into_iter()
        .map(|(html, url, charset)| (html.as_bytes().to_vec(), url, charset))
        .collect();
    py.detach(|| {
        let mut out = Vec::with_capacity(pages.len());
        batch::pipeline::ordered_map(
            jobs,
            |emit| {
                for page in pages {
                    if !emit(page) {
                        break;
                    }
                }
            },
            |(bytes, url, charset)| match page_json(
                bytes,
                url.as_deref(),
                charset.as_deref(),
                false,
            ) {
                Ok(json) => (true, json),
                Err(reason) => (false, reason),
            },
            |r| {
                out.push(r);
                true
            },
        );
        out
    })
}

/// batch_lines(inputs, jobs) -> iterator of str
///
/// `lede batch INPUT... --jobs JOBS` as an iterator: the output lines (JSON text, without newline), in
/// input order, made on `jobs` threads in the background while Python reads them (at most a bounded
/// window of pages ahead). Inputs are paths of pages, folders, WARC files or JSON Lines. Raises
/// ValueError for an input that does not exist.
#[pyfunction]
fn batch_lines(inputs: Vec<String>, jobs: usize) -> PyResult<BatchLines> {
    batch::input::check_inputs(&inputs).map_err(PyValueError::new_err)?;
    if inputs.iter().any(|i| i == "-") {
        return Err(PyValueError::new_err(
            "standard input (-) is not read from Python",
        ));
    }
    let (tx, rx) = std::sync::mpsc::sync_channel(batch::pipeline::window_for(jobs));
    std::thread::spawn(move || {
        let consumed = std::sync::atomic::AtomicU64::new(0);
        batch::run(
            &inputs,
            jobs,
            batch::Options::default(),
            &consumed,
            |line, _| tx.send(line).is_ok(),
        );
    });
    Ok(BatchLines {
        lines: std::sync::Mutex::new(rx),
    })
}

/// The iterator [`batch_lines`] returns; dropping it stops the run.
#[pyclass]
struct BatchLines {
    lines: std::sync::Mutex<std::sync::mpsc::Receiver<String>>,
}

#[pymethods]
impl BatchLines {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> Option<String> {
        py.detach(|| self.lines.lock().ok()?.recv().ok())
    }
}

/// The module: `lede._lede`.
#[pymodule]
#[pyo3(name = "_lede")]
fn lede_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(summarize_json, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(batch_lines, m)?)?;
    m.add_class::<BatchLines>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
