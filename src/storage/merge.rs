//! Three-way merge of a board and of the organisation: base = what this process loaded, ours =
//! its state, theirs = what is on disk now. Changes to different items, or to different fields
//! of one card, both survive; when both sides change the same field differently, ours wins and
//! the other value is kept visibly (a note on the card, and in the report). A merge never
//! yields an invalid board. Pure: no files.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::domain::{Bord, Inzet, Kaart, Kolom, Moment, Notitie, Organisatie};
use crate::text;

/// What the merge had to decide, in Dutch, for the status line and the log.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergeReport {
    pub meldingen: Vec<String>,
}

impl MergeReport {
    fn add(&mut self, m: String) {
        self.meldingen.push(m);
    }

    /// Whether the merge had nothing to report (all changes combined cleanly).
    pub fn is_clean(&self) -> bool {
        self.meldingen.is_empty()
    }
}

/// A value as text for a conflict note: JSON is short and unambiguous.
fn shown<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// Three-way choice of one value; `lost` gets the other side's value when both changed it.
fn pick<T: PartialEq + Clone + Serialize>(
    b: &T,
    o: &T,
    t: &T,
    veld: &str,
    lost: &mut Vec<(String, String)>,
) -> T {
    if o == b || o == t {
        t.clone()
    } else if t == b {
        o.clone()
    } else {
        lost.push((veld.to_string(), shown(t)));
        o.clone()
    }
}

/// Field by field merge of a card; notes are the union of both sides, ordered by time.
fn merge_kaart(b: &Kaart, o: &Kaart, t: &Kaart, now: Moment, lost_out: &mut Vec<String>) -> Kaart {
    let mut lost = Vec::new();
    let mut k = Kaart {
        id: o.id.clone(),
        titel: pick(&b.titel, &o.titel, &t.titel, "titel", &mut lost),
        kolom: pick(&b.kolom, &o.kolom, &t.kolom, "kolom", &mut lost),
        eigenaar: pick(&b.eigenaar, &o.eigenaar, &t.eigenaar, "eigenaar", &mut lost),
        uren: pick(&b.uren, &o.uren, &t.uren, "uren", &mut lost),
        start: pick(&b.start, &o.start, &t.start, "start", &mut lost),
        deadline: pick(&b.deadline, &o.deadline, &t.deadline, "deadline", &mut lost),
        status: pick(&b.status, &o.status, &t.status, "status", &mut lost),
        voortgang: pick(
            &b.voortgang,
            &o.voortgang,
            &t.voortgang,
            "voortgang",
            &mut lost,
        ),
        zaak: pick(&b.zaak, &o.zaak, &t.zaak, "zaak", &mut lost),
        lta: pick(&b.lta, &o.lta, &t.lta, "lta", &mut lost),
        labels: merge_set(&b.labels, &o.labels, &t.labels),
        notities: union_notes(&b.notities, &o.notities, &t.notities),
    };
    for (veld, waarde) in &lost {
        k.notities.push(Notitie {
            wie: "planbord".into(),
            wanneer: now,
            tekst: text::gelijktijdige_wijziging(veld, waarde),
        });
        lost_out.push(text::gelijktijdig_op_kaart(&k.titel, veld));
    }
    k
}

/// Three-way merge of a set kept as a list: additions of both sides stay, removals of either.
fn merge_set(b: &[String], o: &[String], t: &[String]) -> Vec<String> {
    if o == t || t == b {
        return o.to_vec();
    }
    if o == b {
        return t.to_vec();
    }
    let mut out: Vec<String> = Vec::new();
    for x in o.iter().chain(t) {
        let keep = match (b.contains(x), o.contains(x), t.contains(x)) {
            (true, true, true) | (false, _, _) => true,
            (true, _, _) => false, // removed on one side
        };
        if keep && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// The notes of both sides: everything either side has that was not removed, by time.
fn union_notes(b: &[Notitie], o: &[Notitie], t: &[Notitie]) -> Vec<Notitie> {
    if o == t || t == b {
        return o.to_vec();
    }
    if o == b {
        return t.to_vec();
    }
    let mut out: Vec<Notitie> = Vec::new();
    for n in o.iter().chain(t) {
        let removed = b.contains(n) && (!o.contains(n) || !t.contains(n));
        if !removed && !out.contains(n) {
            out.push(n.clone());
        }
    }
    out.sort_by_key(|n| n.wanneer);
    out
}

/// How to merge one kind of item of a list.
trait Item: Clone + PartialEq + Serialize {
    fn id(&self) -> &str;
    /// Merges an item both sides kept; `lost` describes values that lost to ours.
    fn merge(b: &Self, o: &Self, t: &Self, now: Moment, lost: &mut Vec<String>) -> Self;
    /// A short Dutch name for reports.
    fn naam(&self) -> String;
}

impl Item for Kaart {
    fn id(&self) -> &str {
        &self.id
    }
    fn merge(b: &Self, o: &Self, t: &Self, now: Moment, lost: &mut Vec<String>) -> Self {
        merge_kaart(b, o, t, now, lost)
    }
    fn naam(&self) -> String {
        format!("kaart \"{}\"", self.titel)
    }
}

/// Whole-item three-way choice, for items without field-level merge.
fn whole<T: Item>(b: &T, o: &T, t: &T, lost: &mut Vec<String>) -> T {
    let mut l = Vec::new();
    let r = pick(b, o, t, "", &mut l);
    if !l.is_empty() {
        lost.push(text::gelijktijdig_item(&o.naam()));
    }
    r
}

impl Item for Inzet {
    fn id(&self) -> &str {
        &self.id
    }
    fn merge(b: &Self, o: &Self, t: &Self, _: Moment, lost: &mut Vec<String>) -> Self {
        whole(b, o, t, lost)
    }
    fn naam(&self) -> String {
        format!("inzet van {}", self.persoon)
    }
}

impl Item for Kolom {
    fn id(&self) -> &str {
        &self.id
    }
    fn merge(b: &Self, o: &Self, t: &Self, _: Moment, lost: &mut Vec<String>) -> Self {
        whole(b, o, t, lost)
    }
    fn naam(&self) -> String {
        format!("kolom \"{}\"", self.naam)
    }
}

/// Merges a list of items keyed by id. Order: ours, unless ours kept the base order and theirs
/// changed it; items only theirs added go after their predecessor in theirs.
fn merge_list<T: Item>(b: &[T], o: &[T], t: &[T], now: Moment, report: &mut MergeReport) -> Vec<T> {
    // Items read without an id (hand-written files) are matched by their whole content.
    let key = |x: &T| {
        if x.id().is_empty() {
            format!("~{}", shown(x))
        } else {
            x.id().to_string()
        }
    };
    let by = |v: &[T]| -> HashMap<String, T> { v.iter().map(|x| (key(x), x.clone())).collect() };
    let (bm, om, tm) = (by(b), by(o), by(t));
    let mut lost = Vec::new();
    let mut kept: HashMap<String, T> = HashMap::new();
    let ids: Vec<String> = o.iter().chain(t).map(key).collect();
    for id in &ids {
        if kept.contains_key(id) {
            continue;
        }
        let item = match (bm.get(id), om.get(id), tm.get(id)) {
            (Some(bx), Some(ox), Some(tx)) => Some(T::merge(bx, ox, tx, now, &mut lost)),
            (Some(bx), Some(ox), None) if ox == bx => None, // they deleted it
            (Some(_), Some(ox), None) => {
                report.add(text::verwijderd_maar_gewijzigd(&ox.naam()));
                Some(ox.clone())
            }
            (Some(bx), None, Some(tx)) if tx == bx => None, // we deleted it
            (Some(_), None, Some(tx)) => {
                report.add(text::verwijderd_maar_gewijzigd(&tx.naam()));
                Some(tx.clone())
            }
            // Both added the same id (rare with random ids): ours wins.
            (None, Some(ox), Some(tx)) => Some(T::merge(tx, ox, tx, now, &mut lost)),
            (None, Some(x), None) | (None, None, Some(x)) => Some(x.clone()),
            _ => None,
        };
        if let Some(item) = item {
            kept.insert(id.clone(), item);
        }
    }
    for l in lost {
        report.add(l);
    }
    let common = |v: &[T]| -> Vec<String> {
        v.iter()
            .map(key)
            .filter(|id| bm.contains_key(id) && om.contains_key(id) && tm.contains_key(id))
            .collect()
    };
    let ours_first = !(common(o) == common(b) && common(t) != common(b));
    let (skeleton, other) = if ours_first { (o, t) } else { (t, o) };
    let mut order: Vec<String> = skeleton
        .iter()
        .map(key)
        .filter(|id| kept.contains_key(id))
        .collect();
    let mut placed: HashSet<String> = order.iter().cloned().collect();
    let mut prev: Option<String> = None;
    for x in other {
        let id = key(x);
        if kept.contains_key(&id) && !placed.contains(&id) {
            let at = prev
                .as_ref()
                .and_then(|p| order.iter().position(|o| o == p))
                .map_or(0, |i| i + 1);
            order.insert(at, id.clone());
            placed.insert(id.clone());
        }
        if placed.contains(&id) {
            prev = Some(id);
        }
    }
    order
        .into_iter()
        .filter_map(|id| kept.remove(&id))
        .collect()
}

/// Merges a board. `now` signs the conflict notes.
pub fn merge_bord(base: &Bord, ours: &Bord, theirs: &Bord, now: Moment) -> (Bord, MergeReport) {
    let mut report = MergeReport::default();
    let mut lost = Vec::new();
    let mut bord = Bord {
        versie: ours.versie,
        id: ours.id.clone(),
        titel: pick(&base.titel, &ours.titel, &theirs.titel, "titel", &mut lost),
        soort: pick(&base.soort, &ours.soort, &theirs.soort, "soort", &mut lost),
        kolommen: merge_list(
            &base.kolommen,
            &ours.kolommen,
            &theirs.kolommen,
            now,
            &mut report,
        ),
        inzet: merge_list(&base.inzet, &ours.inzet, &theirs.inzet, now, &mut report),
        kaarten: merge_list(
            &base.kaarten,
            &ours.kaarten,
            &theirs.kaarten,
            now,
            &mut report,
        ),
    };
    for (veld, _) in lost {
        report.add(text::gelijktijdig_item(&format!("bord-{veld}")));
    }
    make_valid(&mut bord, ours, now, &mut report);
    (bord, report)
}

/// Repairs what combining two valid boards can break: no columns, two `klaar` columns, cards
/// in a column the other side removed.
fn make_valid(bord: &mut Bord, ours: &Bord, now: Moment, report: &mut MergeReport) {
    if bord.kolommen.is_empty() {
        bord.kolommen = ours.kolommen.clone();
    }
    if bord.kolommen.iter().filter(|k| k.klaar).count() > 1 {
        let ours_klaar: Option<&str> = ours
            .kolommen
            .iter()
            .find(|k| k.klaar)
            .map(|k| k.id.as_str());
        let keep = ours_klaar
            .filter(|id| bord.kolommen.iter().any(|k| k.id == *id))
            .map(str::to_string)
            .or_else(|| bord.kolommen.iter().find(|k| k.klaar).map(|k| k.id.clone()));
        for k in &mut bord.kolommen {
            k.klaar = Some(&k.id) == keep.as_ref();
        }
        report.add(text::twee_klaar_kolommen());
    }
    let first = bord.kolommen[0].id.clone();
    let known: HashSet<String> = bord.kolommen.iter().map(|k| k.id.clone()).collect();
    for k in &mut bord.kaarten {
        if !known.contains(&k.kolom) {
            k.notities.push(Notitie {
                wie: "planbord".into(),
                wanneer: now,
                tekst: text::kolom_verdwenen_notitie(&k.kolom),
            });
            report.add(text::kolom_verdwenen(&k.titel, &k.kolom));
            k.kolom = first.clone();
        }
    }
    // Two sides may each have added an item with the same id: keep the first.
    let mut seen = HashSet::new();
    bord.kaarten
        .retain(|k| k.id.is_empty() || seen.insert(k.id.clone()));
    let mut seen = HashSet::new();
    bord.inzet
        .retain(|z| z.id.is_empty() || seen.insert(z.id.clone()));
}

macro_rules! org_item {
    ($t:ty, $what:expr, $name:ident) => {
        impl Item for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn merge(b: &Self, o: &Self, t: &Self, _: Moment, lost: &mut Vec<String>) -> Self {
                whole(b, o, t, lost)
            }
            fn naam(&self) -> String {
                format!("{} {}", $what, self.$name)
            }
        }
    };
}

org_item!(crate::domain::Cluster, "cluster", naam);
org_item!(crate::domain::Eenheid, "eenheid", naam);
org_item!(crate::domain::Persoon, "persoon", naam);
org_item!(crate::domain::Opgave, "opgave", naam);

/// Merges the organisation at the level of clusters, units, people and opgaven.
pub fn merge_organisatie(
    base: &Organisatie,
    ours: &Organisatie,
    theirs: &Organisatie,
    now: Moment,
) -> (Organisatie, MergeReport) {
    let mut report = MergeReport::default();
    let mut lost = Vec::new();
    let org = Organisatie {
        versie: ours.versie,
        naam: pick(&base.naam, &ours.naam, &theirs.naam, "naam", &mut lost),
        uren_per_fte: pick(
            &base.uren_per_fte,
            &ours.uren_per_fte,
            &theirs.uren_per_fte,
            "uren_per_fte",
            &mut lost,
        ),
        max_fte_per_coco: pick(
            &base.max_fte_per_coco,
            &ours.max_fte_per_coco,
            &theirs.max_fte_per_coco,
            "max_fte_per_coco",
            &mut lost,
        ),
        feestdagen: {
            let s =
                |v: &[crate::domain::Datum]| v.iter().map(|d| d.to_string()).collect::<Vec<_>>();
            let mut m: Vec<crate::domain::Datum> = merge_set(
                &s(&base.feestdagen),
                &s(&ours.feestdagen),
                &s(&theirs.feestdagen),
            )
            .iter()
            .filter_map(|d| d.parse().ok())
            .collect();
            m.sort();
            m
        },
        clusters: merge_list(
            &base.clusters,
            &ours.clusters,
            &theirs.clusters,
            now,
            &mut report,
        ),
        eenheden: merge_list(
            &base.eenheden,
            &ours.eenheden,
            &theirs.eenheden,
            now,
            &mut report,
        ),
        mensen: merge_list(&base.mensen, &ours.mensen, &theirs.mensen, now, &mut report),
        opgaven: merge_list(
            &base.opgaven,
            &ours.opgaven,
            &theirs.opgaven,
            now,
            &mut report,
        ),
    };
    for (veld, waarde) in lost {
        report.add(text::gelijktijdige_wijziging(&veld, &waarde));
    }
    (org, report)
}

/// Merges a conflict copy (another version of the same board, without a common base) into
/// ours: what only the copy has is added; where both have an item and differ, ours stays and
/// the copy's values are noted on the card.
pub fn merge_kopie(ours: &Bord, kopie: &Bord, bestand: &str, now: Moment) -> (Bord, MergeReport) {
    let mut report = MergeReport::default();
    let mut bord = ours.clone();
    for k in &kopie.kaarten {
        match bord
            .kaarten
            .iter_mut()
            .find(|o| o.id == k.id && !k.id.is_empty())
        {
            None => bord.kaarten.push(k.clone()),
            Some(o) if o == k => {}
            Some(o) => {
                // Without a common base every difference is a clash that ours wins.
                let verschillen = kaart_verschillen(o, k);
                for n in &k.notities {
                    if !o.notities.contains(n) {
                        o.notities.push(n.clone());
                    }
                }
                for (veld, waarde) in &verschillen {
                    o.notities.push(Notitie {
                        wie: "planbord".into(),
                        wanneer: now,
                        tekst: text::uit_kopie(bestand, veld, waarde),
                    });
                }
                o.notities.sort_by_key(|n| n.wanneer);
                if !verschillen.is_empty() {
                    report.add(text::kopie_kaart(&o.titel, bestand));
                }
            }
        }
    }
    for z in &kopie.inzet {
        if !bord
            .inzet
            .iter()
            .any(|o| o.id == z.id && !z.id.is_empty() || o == z)
        {
            bord.inzet.push(z.clone());
        }
    }
    make_valid(&mut bord, ours, now, &mut report);
    (bord, report)
}

/// The fields in which `k` differs from `o`, with `k`'s values.
fn kaart_verschillen(o: &Kaart, k: &Kaart) -> Vec<(String, String)> {
    let mut v = Vec::new();
    macro_rules! diff {
        ($($f:ident),*) => {$(
            if o.$f != k.$f {
                v.push((stringify!($f).to_string(), shown(&k.$f)));
            }
        )*};
    }
    diff!(
        titel, kolom, eigenaar, uren, start, deadline, status, voortgang, zaak, lta, labels
    );
    v
}
