//! Writes that are confirmed, lost updates repaired (DESIGN.md section 7). Pure: time comes in
//! as milliseconds of a monotonic clock, randomness as arguments, files as values.
//!
//! The rule. Every save appends a fresh token to the file's `sporen` (the last
//! [`sporen::MAX`] saves), with the stamps of what it set ([`sporen`]). A save starts from the
//! file as it is on disk and applies the operations not yet written, with the old-value rule
//! of [`ops`](super::ops). Our save is *held* by a later version when that version's `sporen`
//! contains our token or any token we have seen written after ours (so pruning the list never
//! looks like a loss). A version that holds none of them was written by someone who never saw
//! our save: the save is *lost*, and its operations are applied again as a *repair*, saved
//! after a random 0.5–2 s: a field still holding the value *and the stamp* we saw gets our
//! value; a field someone set meanwhile keeps it (ours becomes a note); a change that
//! someone who saw ours replaced (the stamps say so) is not re-applied, nor a note someone
//! removed. Before a repair is written, a file that holds our token again (a late sync)
//! cancels it. A repair never overwrites another writer's value, so writers never undo each
//! other in turn: the file converges.
//!
//! A save is *confirmed* when the file holds it and has not changed for [`CONFIRM`] ms; saves
//! keep being checked for [`WINDOW`] ms (sync tools deliver late), confirmed or not.
//!
//! About 500 lines: the replica's rules (write, confirm, repair) are one state machine.

use std::collections::HashSet;

use super::ops::{self, Change, Context, Document, Mode, Notice, Op, Outcome};
use super::sporen::{self, Ledger, Stamp};
use super::week::Moment;

/// Milliseconds of a monotonic clock.
pub type Millis = u64;

/// How long a file must stay unchanged before a save counts as confirmed.
pub const CONFIRM: Millis = 3_000;

/// How long our saves are checked for being overwritten.
pub const WINDOW: Millis = 600_000;

/// A token for a save: 8 base32 characters from 40 random bits.
pub fn token(bits: u64) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    (0..8)
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// A moment for notes when there is no edit to take it from.
const EPOCH: Moment = Moment(chrono::NaiveDateTime::MIN);

fn cx<'a>(wording: &'a fn(&Notice) -> String, at: Moment) -> Context<'a> {
    Context {
        mode: Mode::Merge,
        at,
        wording,
    }
}

/// An operation waiting to be written, with when it was made (its notes carry that moment,
/// so a repeated repair leaves the same note) and, for a repair, the token of the lost save.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub op: Op,
    /// Its id, the same in every repair: the stamp it leaves on what it sets.
    pub id: String,
    /// For a field change: the stamp of the value it replaced, as its writer saw it.
    pub old_stamp: Option<String>,
    pub at: Moment,
    /// Order of making: repairs go back among newer edits in this order.
    pub seq: u64,
    pub repair_of: Option<String>,
}

/// Applies operations to a document with the stamps of its `sporen`: repairs are checked
/// against the stamps, and what applied is stamped. Returns the stamps of this save and, per
/// operation, whether it changed the document.
fn apply_pending<D: Document>(
    doc: &mut D,
    pending: &[Pending],
    wording: &fn(&Notice) -> String,
    notices: &mut Vec<Notice>,
) -> (Vec<Stamp>, Vec<bool>) {
    let mut ledger = Ledger::of(doc.sporen());
    let mut stamps = Vec::new();
    let mut changed = Vec::with_capacity(pending.len());
    for p in pending {
        let cx = cx(wording, p.at);
        let (stamp, outcome) = match &p.op.change {
            Change::Set { field, new, .. } => {
                apply_set(doc, p, (field, new), &ledger, &cx, notices)
            }
            Change::Add { field, element } | Change::Remove { field, element } => {
                apply_element(doc, p, (field, element), &ledger, &cx, notices)
            }
            _ => (None, Some(ops::apply(doc, &p.op, &cx, notices))),
        };
        changed.push(matches!(
            outcome,
            Some(Outcome::Applied | Outcome::Restored)
        ));
        if let Some(s) = stamp {
            ledger.record(&s);
            stamps.push(s);
        }
    }
    let at = pending.iter().map(|p| p.at).max().unwrap_or(EPOCH);
    notices.extend(doc.repair(&cx_ref(wording, at)));
    (stamps, changed)
}

/// Applies a pending field change (`field` to `new`); returns the stamp it leaves, if any,
/// and the outcome (none when skipped). A repair that someone who saw it overruled is skipped.
fn apply_set<D: Document>(
    doc: &mut D,
    p: &Pending,
    (field, new): (&str, &serde_json::Value),
    ledger: &Ledger,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> (Option<Stamp>, Option<Outcome>) {
    let key = sporen::field_key(&p.op.target, field);
    let repair = p.repair_of.is_some();
    if repair && ledger.overruled(&key, &p.id) {
        return (None, None); // someone who saw it replaced it
    }
    // Who set the value now, if the line still knows (the last saves only).
    let setter = ledger.setter(&key);
    let other = setter.is_some() && setter != p.old_stamp.as_deref();
    let op = if repair && other {
        // The value may look the same, but someone else set it: ours must not
        // overwrite it. An old value nothing can hold makes it a conflict. (When
        // the setter is older than the line remembers, the value decides.)
        Op {
            change: Change::Set {
                field: field.to_string(),
                old: serde_json::Value::String("\u{0}anders".into()),
                new: new.clone(),
            },
            ..p.op.clone()
        }
    } else {
        p.op.clone()
    };
    let outcome = ops::apply(doc, &op, cx, notices);
    let stamp = match outcome {
        Outcome::Applied => Some(Stamp::Field {
            key,
            op: Some(p.id.clone()),
            dead: p.old_stamp.iter().cloned().collect(),
        }),
        Outcome::Satisfied if p.old_stamp.is_some() => Some(Stamp::Field {
            key,
            op: None,
            dead: p.old_stamp.iter().cloned().collect(),
        }),
        _ => None,
    };
    (stamp, Some(outcome))
}

/// Applies a pending addition to or removal from a set; returns the stamp it leaves, if any,
/// and the outcome (none when skipped). A repair that adds what someone who had it removed is
/// skipped.
fn apply_element<D: Document>(
    doc: &mut D,
    p: &Pending,
    (field, element): (&str, &serde_json::Value),
    ledger: &Ledger,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> (Option<Stamp>, Option<Outcome>) {
    let removed = matches!(p.op.change, Change::Remove { .. });
    let key = sporen::element_key(&p.op.target, field, element);
    if p.repair_of.is_some() && !removed && ledger.removed(&key) {
        return (None, None); // removed by someone who had it
    }
    let outcome = ops::apply(doc, &p.op, cx, notices);
    let stamp = matches!(
        outcome,
        Outcome::Applied | Outcome::Satisfied | Outcome::Restored
    )
    .then(|| Stamp::Element {
        key,
        op: p.id.clone(),
        removed,
    });
    (stamp, Some(outcome))
}

fn cx_ref(wording: &fn(&Notice) -> String, at: Moment) -> Context<'_> {
    cx(wording, at)
}

#[derive(Debug, Clone)]
struct Tracked {
    token: String,
    ops: Vec<Pending>,
    written: Millis,
    /// Our token and every token seen written after it.
    desc: HashSet<String>,
    confirmed: bool,
    lost: bool,
}

impl Tracked {
    /// Whether the file with these tokens still descends from this save; learns the tokens
    /// written after ours.
    fn holds(&mut self, line: &str) -> bool {
        let tokens = sporen::tokens(line);
        match tokens.iter().position(|t| self.desc.contains(*t)) {
            Some(k) => {
                self.desc
                    .extend(tokens[k + 1..].iter().map(|t| t.to_string()));
                true
            }
            None => false,
        }
    }
}

/// A save to carry out: write `content` if the file still is the version it was built on.
#[derive(Debug, Clone)]
pub struct SaveJob<D> {
    pub content: D,
    pub token: String,
    /// What applying the operations decided (values that lost, items kept or put back).
    pub notices: Vec<Notice>,
    /// How many of the operations repair a lost save.
    pub repairs: usize,
    /// The new operations (not repairs) that changed the file, with when they were made: what
    /// the history records once the save is written.
    pub written: Vec<(Op, Moment)>,
}

/// What looking at a newer version of the file found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Observed {
    /// Operations of lost saves queued again.
    pub repaired: usize,
}

/// One writer's view of one file: the file as last seen, the operations not yet written or
/// confirmed, and the saves being checked.
#[derive(Debug, Clone)]
pub struct Replica<D> {
    view: D,
    pending: Vec<Pending>,
    inflight: Option<(String, Vec<Pending>, D)>,
    tracked: Vec<Tracked>,
    view_changed: Millis,
    save_at: Option<Millis>,
    seq: u64,
    /// Makes this writer's operation ids unique among writers.
    writer: String,
    wording: fn(&Notice) -> String,
    /// The last setter of each field seen in any version we read or wrote: the line keeps
    /// only the last saves, but the value we edit was set by the setter we last saw. Without
    /// it an edit of a value whose stamp left the line records no setter, and its repair takes
    /// the file's (our own) old stamp for someone else's.
    setters: std::collections::HashMap<String, String>,
}

impl<D: Document> Replica<D> {
    /// A replica of a file as just read. `writer` makes this writer's operation ids unique
    /// (a few random characters); `wording` words the notes the rule leaves on cards.
    pub fn new(view: D, now: Millis, writer: &str, wording: fn(&Notice) -> String) -> Replica<D> {
        let mut r = Replica {
            view,
            pending: Vec::new(),
            inflight: None,
            tracked: Vec::new(),
            view_changed: now,
            save_at: None,
            seq: 0,
            writer: writer.to_string(),
            wording,
            setters: std::collections::HashMap::new(),
        };
        r.remember_setters();
        r
    }

    /// Takes the setters of the current version into [`Replica::setters`].
    fn remember_setters(&mut self) {
        let ledger = Ledger::of(self.view.sporen());
        for (key, op) in ledger.setters() {
            self.setters.insert(key.to_string(), op.to_string());
        }
    }

    /// The file as last read or written by us.
    pub fn view(&self) -> &D {
        &self.view
    }

    /// The file as the user sees it: the last version plus our unwritten operations.
    pub fn shown(&self) -> (D, Vec<Notice>) {
        let mut doc = self.view.clone();
        let mut notices = Vec::new();
        let ops: Vec<Pending> = self.unwritten_ops().cloned().collect();
        let _ = apply_pending(&mut doc, &ops, &self.wording, &mut notices);
        (doc, notices)
    }

    /// The operations not yet written, in the order they were made: a repair of an old save
    /// queued while a newer save is in flight goes before the newer edits, as it went when
    /// they were made (else an old value of our own would show over our newer one).
    fn unwritten_ops(&self) -> impl Iterator<Item = &Pending> {
        let mut ops: Vec<&Pending> = self
            .inflight
            .iter()
            .flat_map(|(_, ops, _)| ops.iter())
            .chain(self.pending.iter())
            .collect();
        ops.sort_by_key(|p| p.seq);
        ops.into_iter()
    }

    /// Records operations the user just made (already applied to what the user sees); they
    /// are saved at the next [`Replica::begin_save`].
    pub fn edit(&mut self, ops: Vec<Op>, at: Moment) {
        for op in ops {
            self.seq += 1;
            let old_stamp = match &op.change {
                Change::Set { field, .. } => self.stamp(&sporen::field_key(&op.target, field)),
                _ => None,
            };
            self.pending.push(Pending {
                id: format!("{}{}", self.writer, super::ids::from_bits(self.seq)),
                old_stamp,
                op,
                at,
                seq: self.seq,
                repair_of: None,
            });
        }
    }

    /// The stamp of a field as the user sees it: our own newest unwritten change to it, else
    /// the file's. A repair that a later save of the file overruled (ours or a colleague's, who
    /// saw it) is skipped when applied, so it is not what the user sees either.
    fn stamp(&self, key: &str) -> Option<String> {
        let ledger = Ledger::of(self.view.sporen());
        let ours = self.unwritten_ops().filter_map(|p| match &p.op.change {
            Change::Set { field, .. }
                if sporen::field_key(&p.op.target, field) == key
                    && !(p.repair_of.is_some() && ledger.overruled(key, &p.id)) =>
            {
                Some(p.id.clone())
            }
            _ => None,
        });
        ours.last()
            .or_else(|| ledger.setter(key).map(str::to_string))
            .or_else(|| self.setters.get(key).cloned())
    }

    /// Takes a newer version of the file (a colleague's save, or ours read back). Saves of
    /// ours that it does not hold are lost: their operations are queued again and a save is
    /// due `wait` ms from now.
    pub fn observe(&mut self, disk: D, now: Millis, wait: Millis) -> Observed {
        let line = disk.sporen().to_string();
        let mut lost_ops = Vec::new();
        for s in &mut self.tracked {
            if s.lost {
                continue;
            }
            if !s.holds(&line) {
                s.lost = true;
                s.confirmed = false;
                lost_ops.extend(s.ops.iter().map(|p| Pending {
                    repair_of: Some(s.token.clone()),
                    ..p.clone()
                }));
            }
        }
        if disk != self.view {
            self.view = disk;
            self.remember_setters();
            self.view_changed = now;
        }
        self.drop_held_repairs();
        let repaired = lost_ops.len();
        if repaired > 0 {
            let have: HashSet<u64> = self.unwritten_ops().map(|p| p.seq).collect();
            self.pending
                .extend(lost_ops.into_iter().filter(|p| !have.contains(&p.seq)));
            self.pending.sort_by_key(|p| p.seq);
            let at = now + wait;
            self.save_at = Some(self.save_at.map_or(at, |t| t.min(at)));
        }
        Observed { repaired }
    }

    /// Drops the repairs of lost saves that the file as last seen holds again (a late sync):
    /// they are not lost after all, and must not count as what the user sees.
    fn drop_held_repairs(&mut self) {
        let line = self.view.sporen().to_string();
        let mut back = HashSet::new();
        for s in &mut self.tracked {
            if s.lost && s.holds(&line) {
                s.lost = false;
                back.insert(s.token.clone());
            }
        }
        if !back.is_empty() {
            self.pending
                .retain(|p| p.repair_of.as_ref().is_none_or(|t| !back.contains(t)));
        }
    }

    /// Whether a save should start now: something to write, nothing in flight, and not
    /// waiting (a repair's random wait, a retry after a failure).
    pub fn save_due(&self, now: Millis) -> bool {
        self.inflight.is_none() && !self.pending.is_empty() && self.save_at.is_none_or(|t| t <= now)
    }

    /// Makes a waiting save due now (quitting, or the user asks to try again).
    pub fn hurry(&mut self, now: Millis) {
        if self.save_at.is_some_and(|t| t > now) {
            self.save_at = Some(now);
        }
    }

    /// Starts a save with this token: the last version plus every unwritten operation. A
    /// repair whose save the file holds again (it arrived late) is dropped first.
    pub fn begin_save(&mut self, token: String) -> Option<SaveJob<D>> {
        if self.inflight.is_some() {
            return None;
        }
        let line = self.view.sporen().to_string();
        self.drop_held_repairs();
        if self.pending.is_empty() {
            self.save_at = None;
            return None;
        }
        let ops = std::mem::take(&mut self.pending);
        self.save_at = None;
        let mut content = self.view.clone();
        let mut notices = Vec::new();
        let (stamps, changed) = apply_pending(&mut content, &ops, &self.wording, &mut notices);
        content.set_sporen(sporen::append(&line, &token, &stamps));
        let repairs = ops.iter().filter(|p| p.repair_of.is_some()).count();
        // The user's own edits that this save writes: a repair was recorded with the save it
        // repairs, and an edit that changed nothing (a colleague's value stands) is no news.
        let written = ops
            .iter()
            .zip(changed)
            .filter(|(p, changed)| *changed && p.repair_of.is_none())
            .map(|(p, _)| (p.op.clone(), p.at))
            .collect();
        self.inflight = Some((token.clone(), ops, content.clone()));
        Some(SaveJob {
            content,
            token,
            notices,
            repairs,
            written,
        })
    }

    /// The save with `token` was written: its content is the file now, and it is checked from
    /// here on.
    pub fn saved(&mut self, token: &str, now: Millis) {
        let Some((t, ops, content)) = self.inflight.take() else {
            return;
        };
        if t != token {
            self.inflight = Some((t, ops, content));
            return;
        }
        self.view = content;
        self.remember_setters();
        self.view_changed = now;
        self.tracked.push(Tracked {
            desc: HashSet::from([t.clone()]),
            token: t,
            ops,
            written: now,
            confirmed: false,
            lost: false,
        });
        self.drop_held_repairs();
    }

    /// The save could not be written: the file had changed (`disk`, when it could be read) or
    /// the write failed. Its operations wait again; the next try is `retry` ms from now.
    pub fn save_failed(&mut self, disk: Option<D>, now: Millis, retry: Millis) -> Observed {
        if let Some((_, ops, _)) = self.inflight.take() {
            let mut all = ops;
            all.append(&mut self.pending);
            all.sort_by_key(|p| p.seq);
            self.pending = all;
        }
        let observed = match disk {
            Some(d) => self.observe(d, now, 0),
            None => Observed::default(),
        };
        let at = now + retry;
        self.save_at = Some(self.save_at.map_or(at, |t| t.max(at)));
        observed
    }

    /// Time passes: saves the file has held for [`CONFIRM`] ms are confirmed; saves older
    /// than [`WINDOW`] are no longer checked.
    pub fn tick(&mut self, now: Millis) {
        let quiet = now.saturating_sub(self.view_changed) >= CONFIRM;
        let line = self.view.sporen().to_string();
        for s in &mut self.tracked {
            if quiet && !s.confirmed && !s.lost && s.holds(&line) {
                s.confirmed = true;
            }
        }
        self.tracked
            .retain(|s| now.saturating_sub(s.written) < WINDOW || !s.confirmed && !s.lost);
    }

    /// When something is due: a save, a confirmation, the end of a check window.
    pub fn next_deadline(&self) -> Option<Millis> {
        let save = (self.inflight.is_none() && !self.pending.is_empty())
            .then_some(self.save_at.unwrap_or(0));
        let confirm = self
            .tracked
            .iter()
            .any(|s| !s.confirmed && !s.lost)
            .then_some(self.view_changed + CONFIRM);
        let expire = self.tracked.iter().map(|s| s.written + WINDOW).min();
        [save, confirm, expire].into_iter().flatten().min()
    }

    /// Changes not yet written to the file (new, repairs, or in a save under way), counted
    /// per item: moving a card is one change, though it is two operations.
    pub fn unwritten(&self) -> usize {
        let items: HashSet<&super::ops::Target> =
            self.unwritten_ops().map(|p| &p.op.target).collect();
        items.len()
    }

    /// Changes not yet confirmed (per item): unwritten, or in a save not yet confirmed.
    pub fn unconfirmed(&self) -> usize {
        let items: HashSet<&super::ops::Target> = self
            .unwritten_ops()
            .chain(
                self.tracked
                    .iter()
                    .filter(|s| !s.confirmed && !s.lost)
                    .flat_map(|s| s.ops.iter()),
            )
            .map(|p| &p.op.target)
            .collect();
        items.len()
    }

    /// Whether a save is being written now.
    pub fn saving(&self) -> bool {
        self.inflight.is_some()
    }

    /// The operations not yet written, for saving them elsewhere.
    pub fn pending_ops(&self) -> Vec<&Pending> {
        self.unwritten_ops().collect()
    }
}
