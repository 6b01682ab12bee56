//! An ordered parallel map over a stream: items are produced on one thread, worked on by `jobs`
//! threads and consumed on the calling thread in the order they were produced.
//!
//! Memory is bounded by a window of credits: the producer takes one before it hands over an item
//! and the consumer gives it back once that item's result is consumed, so at most `window` items
//! are queued, in work or waiting for an earlier one, however long the stream and however uneven
//! the work.

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Mutex};

/// The window for `jobs` workers: enough queued work that no worker waits on a slow page's turn.
pub fn window_for(jobs: usize) -> usize {
    (jobs * 16).max(32)
}

/// Run `work` over every item `produce` hands to its callback, on `jobs` threads (at least one),
/// and give each result to `consume` in production order. The callback returns `false` once the
/// consumer has stopped (`consume` returned `false`, e.g. on a closed output), and the producer
/// should then stop. At most [`window_for`]`(jobs)` items are in flight at any time.
pub fn ordered_map<T, R, P, W, C>(jobs: usize, produce: P, work: W, mut consume: C)
where
    T: Send,
    R: Send,
    P: FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    W: Fn(T) -> R + Sync,
    C: FnMut(R) -> bool,
{
    let jobs = jobs.max(1);
    let window = window_for(jobs);
    let (credit_tx, credit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx.send(()).expect("the receiver is alive");
    }
    let (work_tx, work_rx) = sync_channel::<(usize, T)>(window);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = channel::<(usize, R)>();
    let work = &work;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0;
            produce(&mut |item| {
                if credit_rx.recv().is_err() || work_tx.send((seq, item)).is_err() {
                    return false;
                }
                seq += 1;
                true
            });
            // work_tx dropped here: the workers finish the queue and stop
        });
        for _ in 0..jobs {
            let rx = Arc::clone(&work_rx);
            let tx = done_tx.clone();
            scope.spawn(move || loop {
                let next = rx.lock().map(|r| r.recv());
                let Ok(Ok((seq, item))) = next else { break };
                if tx.send((seq, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(work_rx);
        drop(done_tx);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        'results: for (seq, r) in done_rx.iter() {
            waiting.insert(seq, r);
            while let Some(r) = waiting.remove(&next) {
                next += 1;
                if !consume(r) {
                    break 'results;
                }
                let _ = credit_tx.send(());
            }
        }
        // Stopped early or finished: no more credits, so the producer stops; dropping the results'
        // receiver stops the workers.
        drop(credit_tx);
        drop(done_rx);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_input_order_with_bounded_work_in_flight() {
        let in_flight = AtomicUsize::new(0);
        let max_in_flight = AtomicUsize::new(0);
        let mut out = Vec::new();
        ordered_map(
            3,
            |emit| {
                for i in 0..2000u64 {
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    max_in_flight.fetch_max(now, Ordering::SeqCst);
                    if !emit(i) {
                        break;
                    }
                }
            },
            // uneven work: every 7th item is slow
            |i| {
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(300));
                }
                i * 2
            },
            |r| {
                in_flight.fetch_sub(1, Ordering::SeqCst);
                out.push(r);
                true
            },
        );
        assert_eq!(out, (0..2000u64).map(|i| i * 2).collect::<Vec<_>>());
        // the producer counts an item before it waits for its credit, hence the + 1
        assert!(max_in_flight.load(Ordering::SeqCst) <= window_for(3) + 1);
    }

    #[test]
    fn a_stopped_consumer_stops_the_producer() {
        let produced = AtomicUsize::new(0);
        let mut seen = 0;
        ordered_map(
            2,
            |emit| {
                for i in 0..1_000_000usize {
                    produced.fetch_add(1, Ordering::SeqCst);
                    if !emit(i) {
                        break;
                    }
                }
            },
            |i| i,
            |_| {
                seen += 1;
                seen < 10
            },
        );
        assert_eq!(seen, 10);
        assert!(produced.load(Ordering::SeqCst) < 10 + window_for(2) + 2);
    }
}
