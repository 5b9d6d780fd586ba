//! The capacity rules of DESIGN.md section 3, one behaviour per test.

mod common;

use common::*;
use planbord::capacity::{self, Conflict, ConflictSoort, Engine, Ernst};
use planbord::domain::*;

/// Today is Monday 2 March 2026, week 10; the horizon is weeks 10–13.
const VANDAAG: &str = "2026-03-02";

fn conflicts(w: &Werkmap) -> Vec<Conflict> {
    let horizon = capacity::horizon(week("2026-W10"), 4);
    capacity::conflicts(w, &horizon, date(VANDAAG))
}

fn of(cs: &[Conflict], soort: ConflictSoort) -> Vec<&Conflict> {
    cs.iter().filter(|c| c.soort == soort).collect()
}

/// Unit `e` with `p` and a colleague `ruimte`, both 36 h without regular share; one board `b`.
fn one_person(inzet: Vec<Inzet>) -> Werkmap {
    werkmap(
        org(
            vec![eenheid("e", &[])],
            vec![persoon("p", "e", 36.0), persoon("ruimte", "e", 36.0)],
        ),
        vec![bord("b", inzet, vec![])],
    )
}

#[test]
fn holiday_costs_a_day_but_not_on_a_day_off() {
    let mut o = org(
        vec![eenheid("e", &[])],
        vec![persoon("full", "e", 36.0), persoon("part", "e", 28.0)],
    );
    o.mensen[1].werkdagen = vec![Dag::Ma, Dag::Di, Dag::Wo, Dag::Do];
    o.feestdagen = vec![Datum(date("2026-03-06"))]; // a Friday
    let borden = vec![];
    let e = Engine::new(&o, &borden);
    assert!((e.beschikbaar(0, week("2026-W10")) - 28.8).abs() < 1e-9);
    assert!((e.beschikbaar(1, week("2026-W10")) - 28.0).abs() < 1e-9);
    assert!((e.beschikbaar(0, week("2026-W11")) - 36.0).abs() < 1e-9);
}

#[test]
fn partial_absence_counts_only_its_working_days() {
    let mut o = org(vec![eenheid("e", &[])], vec![persoon("p", "e", 36.0)]);
    o.mensen[0].afwezig = vec![Afwezigheid {
        van: Datum(date("2026-03-04")),
        tot: Datum(date("2026-03-08")),
        soort: None,
    }];
    let borden = vec![];
    let e = Engine::new(&o, &borden);
    // Wednesday to Sunday away: Monday and Tuesday left.
    assert!((e.beschikbaar(0, week("2026-W10")) - 14.4).abs() < 1e-9);
}

#[test]
fn regular_share_comes_from_person_then_unit_then_default() {
    let mut o = org(
        vec![eenheid("e", &[]), eenheid("f", &[])],
        vec![
            persoon("a", "e", 36.0),
            persoon("b", "e", 36.0),
            persoon("c", "f", 36.0),
        ],
    );
    o.eenheden[0].regulier_aandeel = Some(0.5);
    o.mensen[0].regulier_aandeel = Some(0.25);
    o.mensen[1].regulier_aandeel = None;
    o.mensen[2].regulier_aandeel = None;
    let borden = vec![];
    let e = Engine::new(&o, &borden);
    let w = week("2026-W11");
    assert!((e.person_week(0, w).regulier - 9.0).abs() < 1e-9);
    assert!((e.person_week(1, w).regulier - 18.0).abs() < 1e-9);
    assert!((e.person_week(2, w).regulier - 25.2).abs() < 1e-9);
}

#[test]
fn overbooking_severity_has_a_ten_percent_boundary() {
    let case = |uren: f64| {
        let w = one_person(vec![inzet(
            "p",
            uren,
            "2026-W11",
            "2026-W11",
            InzetStatus::Toegezegd,
        )]);
        of(&conflicts(&w), ConflictSoort::Overboekt)
            .first()
            .map(|c| c.ernst)
    };
    assert_eq!(case(36.05), None, "within the tolerance");
    assert_eq!(case(36.1), Some(Ernst::Midden));
    assert_eq!(
        case(39.65),
        Some(Ernst::Midden),
        "exactly 10% plus the tolerance"
    );
    assert_eq!(case(39.7), Some(Ernst::Hoog));
}

#[test]
fn overbooking_only_by_unconfirmed_claims_is_low() {
    let w = one_person(vec![
        inzet("p", 30.0, "2026-W11", "2026-W11", InzetStatus::Toegezegd),
        inzet("p", 10.0, "2026-W11", "2026-W11", InzetStatus::Gevraagd),
    ]);
    let cs = conflicts(&w);
    let over = of(&cs, ConflictSoort::Overboekt);
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].ernst, Ernst::Laag);
    assert_eq!(over[0].gepland, Some(40.0));
    assert!(
        planbord::wording::uitleg(over[0]).contains("40,0 u gepland"),
        "{}",
        planbord::wording::uitleg(over[0])
    );
}

#[test]
fn regulier_inzet_counts_as_regular_load_whatever_its_status() {
    let mut z = inzet("p", 38.0, "2026-W11", "2026-W11", InzetStatus::Gevraagd);
    z.soort = InzetSoort::Regulier;
    let w = one_person(vec![z]);
    let cs = conflicts(&w);
    let over = of(&cs, ConflictSoort::Overboekt);
    assert_eq!(
        over[0].ernst,
        Ernst::Midden,
        "a Gevraagd Regulier-inzet is not an unconfirmed opgave claim"
    );
}

#[test]
fn afgewezen_counts_nowhere() {
    let w = one_person(vec![inzet(
        "p",
        50.0,
        "2026-W10",
        "2026-W12",
        InzetStatus::Afgewezen,
    )]);
    assert!(
        conflicts(&w)
            .iter()
            .all(|c| c.persoon.as_deref() != Some("p"))
    );
    let o = w.organisatie.as_ref().unwrap();
    let e = Engine::new(o, &w.borden);
    assert_eq!(e.person_week(0, week("2026-W11")).opgave(), 0.0);
}

#[test]
fn claim_on_someone_away_is_high() {
    let mut w = one_person(vec![inzet(
        "p",
        4.0,
        "2026-W10",
        "2026-W13",
        InzetStatus::Toegezegd,
    )]);
    w.organisatie.as_mut().unwrap().mensen[0].afwezig = vec![Afwezigheid {
        van: Datum(date("2026-03-09")),
        tot: Datum(date("2026-03-13")),
        soort: Some(AfwezigheidSoort::Overig),
    }];
    let cs = conflicts(&w);
    let away = of(&cs, ConflictSoort::AfwezigIngezet);
    assert_eq!(away.len(), 1);
    assert_eq!(away[0].week, Some(week("2026-W11")));
    assert_eq!(away[0].ernst, Ernst::Hoog);
    assert_eq!(
        (away[0].beschikbaar, away[0].gepland),
        (Some(0.0), Some(4.0))
    );
    assert!(
        !planbord::wording::uitleg(away[0]).contains("prive"),
        "the reason of an absence is private"
    );
}

#[test]
fn unit_is_overloaded_only_when_moving_work_cannot_absorb_it() {
    let claims = |other: f64| {
        one_person(vec![
            inzet("p", 46.0, "2026-W11", "2026-W11", InzetStatus::Toegezegd),
            inzet(
                "ruimte",
                other,
                "2026-W11",
                "2026-W11",
                InzetStatus::Toegezegd,
            ),
        ])
    };
    assert_eq!(
        of(&conflicts(&claims(20.0)), ConflictSoort::EenheidOverbelast).len(),
        0,
        "10 h over, 16 h free"
    );
    let cs = conflicts(&claims(30.0));
    let unit = of(&cs, ConflictSoort::EenheidOverbelast);
    assert_eq!(unit.len(), 1, "10 h over, 6 h free");
    assert_eq!(
        (unit[0].beschikbaar, unit[0].gepland),
        (Some(72.0), Some(76.0))
    );
    assert_eq!(unit[0].eenheid.as_deref(), Some("e"));
}

#[test]
fn unit_without_available_hours_but_with_plans_is_overloaded() {
    let mut w = one_person(vec![inzet(
        "p",
        2.0,
        "2026-W11",
        "2026-W11",
        InzetStatus::Toegezegd,
    )]);
    let o = w.organisatie.as_mut().unwrap();
    o.mensen.truncate(1);
    o.mensen[0].afwezig = vec![Afwezigheid {
        van: Datum(date("2026-03-09")),
        tot: Datum(date("2026-03-15")),
        soort: None,
    }];
    assert_eq!(
        of(&conflicts(&w), ConflictSoort::EenheidOverbelast).len(),
        1
    );
}

#[test]
fn unconfirmed_claims_are_flagged_from_two_weeks_ahead() {
    let ask = |van: &str, tot: &str| {
        let w = one_person(vec![inzet("p", 2.0, van, tot, InzetStatus::Gevraagd)]);
        of(&conflicts(&w), ConflictSoort::NietToegezegd)
            .first()
            .map(|c| (c.ernst, c.week, c.bord.clone()))
    };
    assert_eq!(
        ask("2026-W08", "2026-W10"),
        Some((Ernst::Hoog, Some(week("2026-W08")), Some("b".into())))
    );
    assert_eq!(
        ask("2026-W12", "2026-W20").map(|c| c.0),
        Some(Ernst::Midden)
    );
    assert_eq!(ask("2026-W13", "2026-W20"), None, "starts in three weeks");
    assert_eq!(ask("2026-W05", "2026-W09"), None, "already ended");
}

#[test]
fn estimated_cards_above_the_boards_inzet() {
    let case = |uren: f64, kolom: &str| {
        let mut k = kaart("k", kolom);
        k.eigenaar = Some("p".into());
        k.uren = Some(uren);
        k.deadline = Some(Datum(date("2026-03-18"))); // week 12: weeks 10, 11, 12 count
        let w = werkmap(
            org(vec![eenheid("e", &[])], vec![persoon("p", "e", 36.0)]),
            vec![bord(
                "b",
                vec![inzet(
                    "p",
                    8.0,
                    "2026-W01",
                    "2026-W30",
                    InzetStatus::Gevraagd,
                )],
                vec![k],
            )],
        );
        of(&conflicts(&w), ConflictSoort::KaartenBovenInzet)
            .first()
            .map(|c| (c.beschikbaar, c.gepland))
    };
    assert_eq!(case(24.0, "todo"), None);
    assert_eq!(case(30.0, "todo"), Some((Some(24.0), Some(30.0))));
    assert_eq!(case(30.0, "klaar"), None, "finished cards do not count");
}

#[test]
fn card_owner_without_inzet_has_zero_hours_and_a_clusterkamer_is_not_checked() {
    let mut k = kaart("k", "todo");
    k.eigenaar = Some("p".into());
    k.uren = Some(4.0);
    k.deadline = Some(Datum(date("2026-03-02")));
    let mut b = bord("b", vec![], vec![k]);
    let w = werkmap(
        org(vec![eenheid("e", &[])], vec![persoon("p", "e", 36.0)]),
        vec![b.clone()],
    );
    let cs = conflicts(&w);
    assert_eq!(
        of(&cs, ConflictSoort::KaartenBovenInzet)[0].beschikbaar,
        Some(0.0)
    );
    b.soort = BordSoort::Clusterkamer {
        cluster: "c".into(),
    };
    let w = werkmap(
        org(vec![eenheid("e", &[])], vec![persoon("p", "e", 36.0)]),
        vec![b],
    );
    assert!(of(&conflicts(&w), ConflictSoort::KaartenBovenInzet).is_empty());
}

#[test]
fn wip_counts_every_card_of_the_column() {
    let w = werkmap(
        org(vec![eenheid("e", &[])], vec![]),
        vec![bord(
            "b",
            vec![],
            vec![
                kaart("1", "bezig"),
                kaart("2", "bezig"),
                kaart("3", "bezig"),
            ],
        )],
    );
    let cs = conflicts(&w);
    let wip = of(&cs, ConflictSoort::WipOverschreden);
    assert_eq!(wip.len(), 1);
    assert_eq!(
        (wip[0].bord.as_deref(), wip[0].kolom.as_deref()),
        (Some("b"), Some("bezig"))
    );
    assert_eq!(wip[0].ernst, Ernst::Laag);
}

#[test]
fn deadline_today_is_not_overdue_and_finished_cards_never_are() {
    let card = |deadline: &str, kolom: &str| {
        let mut k = kaart("k", kolom);
        k.deadline = Some(Datum(date(deadline)));
        let w = werkmap(
            org(vec![eenheid("e", &[])], vec![]),
            vec![bord("b", vec![], vec![k])],
        );
        of(&conflicts(&w), ConflictSoort::DeadlineVerlopen).len()
    };
    assert_eq!(card("2026-03-02", "todo"), 0);
    assert_eq!(card("2026-03-01", "todo"), 1);
    assert_eq!(card("2026-03-01", "klaar"), 0);
}

fn staff(unit: &str, n: usize) -> Vec<Persoon> {
    (0..n)
        .map(|i| persoon(&format!("{unit}{i}"), unit, 36.0))
        .collect()
}

#[test]
fn coco_with_two_units_counts_both_and_two_cocos_share_a_unit() {
    // "a0" leads units a (13 fte) and b (13 fte): 26 fte. Unit c (40 fte) has two CoCo's: 20 each.
    let mut mensen = staff("a", 13);
    mensen.extend(staff("b", 13));
    mensen.extend(staff("c", 40));
    let o = org(
        vec![
            eenheid("a", &["a0"]),
            eenheid("b", &["a0"]),
            eenheid("c", &["c0", "c1"]),
        ],
        mensen,
    );
    let cs = conflicts(&werkmap(o, vec![]));
    let span = of(&cs, ConflictSoort::SpanOfAttention);
    assert_eq!(span.len(), 1);
    assert_eq!(span[0].persoon.as_deref(), Some("a0"));
    let u = planbord::wording::uitleg(span[0]);
    assert!(u.contains("26,0 fte"), "{u}");
}

#[test]
fn conflicts_are_sorted_by_severity_week_kind_and_ids() {
    let w = one_person(vec![
        inzet("p", 46.0, "2026-W10", "2026-W11", InzetStatus::Toegezegd),
        inzet(
            "ruimte",
            40.0,
            "2026-W10",
            "2026-W10",
            InzetStatus::Toegezegd,
        ),
    ]);
    let cs = conflicts(&w);
    for pair in cs.windows(2) {
        assert_ne!(
            pair[0].order(&pair[1]),
            std::cmp::Ordering::Greater,
            "{:?} before {:?}",
            pair[0],
            pair[1]
        );
    }
    assert_eq!(cs[0].ernst, Ernst::Hoog);
}

#[test]
fn drill_down_parts_add_up_to_the_person_and_the_unit() {
    let mut z = inzet("p", 3.0, "2026-W10", "2026-W12", InzetStatus::Toegezegd);
    z.soort = InzetSoort::Regulier;
    let w = one_person(vec![
        inzet("p", 8.0, "2026-W10", "2026-W12", InzetStatus::Toegezegd),
        inzet("p", 5.0, "2026-W11", "2026-W12", InzetStatus::Gevraagd),
        z,
        inzet(
            "ruimte",
            6.0,
            "2026-W11",
            "2026-W11",
            InzetStatus::Toegezegd,
        ),
    ]);
    let o = w.organisatie.as_ref().unwrap();
    let e = Engine::new(o, &w.borden);
    let wk = week("2026-W11");
    let p = e.person_week(0, wk);
    let parts: f64 = e.opgave_parts(0, wk).iter().map(|(_, h)| h).sum();
    assert_eq!(parts, p.opgave());
    assert_eq!(e.claims_in(0, wk).count(), 3);
    let unit = e.unit_week(0, wk);
    let sum = e.person_week(0, wk).gepland() + e.person_week(1, wk).gepland();
    assert!((unit.gepland() - sum).abs() < 1e-9);
}

#[test]
fn before_in_dienst_and_after_uit_dienst_nobody_is_available() {
    // p starts on Wednesday 11 March (week 11); ruimte leaves on Friday 20 March (week 12).
    let mut w = one_person(vec![
        inzet("p", 4.0, "2026-W10", "2026-W13", InzetStatus::Toegezegd),
        inzet(
            "ruimte",
            4.0,
            "2026-W10",
            "2026-W13",
            InzetStatus::Toegezegd,
        ),
    ]);
    let o = w.organisatie.as_mut().unwrap();
    o.mensen[0].in_dienst = Some(Datum(date("2026-03-11")));
    o.mensen[1].uit_dienst = Some(Datum(date("2026-03-20")));
    let e = Engine::new(w.organisatie.as_ref().unwrap(), &w.borden);
    assert_eq!(e.werkdagen(0, week("2026-W10")), 0);
    assert_eq!(e.werkdagen(0, week("2026-W11")), 3);
    assert_eq!(e.werkdagen(1, week("2026-W12")), 5);
    assert_eq!(e.werkdagen(1, week("2026-W13")), 0);
    let cs = conflicts(&w);
    let away = of(&cs, ConflictSoort::AfwezigIngezet);
    let weeks: Vec<_> = away
        .iter()
        .map(|c| (c.persoon.clone().unwrap(), c.week.unwrap()))
        .collect();
    assert_eq!(
        weeks,
        [
            ("p".to_string(), week("2026-W10")),
            ("ruimte".to_string(), week("2026-W13"))
        ]
    );
    let u0 = planbord::wording::uitleg(away[0]);
    let u1 = planbord::wording::uitleg(away[1]);
    assert!(u0.contains("nog niet in dienst"), "{u0}");
    assert!(u1.contains("niet meer in dienst"), "{u1}");
}

#[test]
fn out_of_employment_an_open_card_counts_but_during_absence_it_does_not() {
    // No inzet at all: only cards. p leaves on 6 March (week 10) and owns an open card with
    // a deadline in week 12, a finished card, and a card due in week 10.
    let mut open = kaart("k1", "todo");
    open.eigenaar = Some("p".into());
    open.deadline = Some(Datum(date("2026-03-18")));
    let mut klaar = kaart("k2", "klaar");
    klaar.eigenaar = Some("p".into());
    let mut early = kaart("k3", "todo");
    early.eigenaar = Some("p".into());
    early.deadline = Some(Datum(date("2026-03-04")));
    let mut w = werkmap(
        org(vec![eenheid("e", &[])], vec![persoon("p", "e", 36.0)]),
        vec![bord("b", vec![], vec![open, klaar, early])],
    );
    w.organisatie.as_mut().unwrap().mensen[0].uit_dienst = Some(Datum(date("2026-03-06")));
    let cs = conflicts(&w);
    let away: Vec<_> = of(&cs, ConflictSoort::AfwezigIngezet)
        .iter()
        .map(|c| c.week.unwrap())
        .collect();
    assert_eq!(away, [week("2026-W11"), week("2026-W12")]);
    let u = planbord::wording::uitleg(of(&cs, ConflictSoort::AfwezigIngezet)[0]);
    assert!(
        u.contains("niet meer in dienst") && u.contains("open kaart"),
        "{u}"
    );
    // The same weeks as an absence: a card alone is no conflict.
    let p = &mut w.organisatie.as_mut().unwrap().mensen[0];
    p.uit_dienst = None;
    p.afwezig = vec![Afwezigheid {
        van: Datum(date("2026-03-09")),
        tot: Datum(date("2026-03-20")),
        soort: None,
    }];
    assert!(of(&conflicts(&w), ConflictSoort::AfwezigIngezet).is_empty());
}

#[test]
fn span_of_attention_counts_only_people_employed_today() {
    // "a0" leads 26 people of 36 h (26 fte) but two of them left before today: 24 fte.
    let mut mensen = staff("a", 26);
    mensen[1].uit_dienst = Some(Datum(date("2026-02-27")));
    mensen[2].in_dienst = Some(Datum(date("2026-04-01")));
    let o = org(vec![eenheid("a", &["a0"])], mensen);
    let cs = conflicts(&werkmap(o, vec![]));
    assert!(of(&cs, ConflictSoort::SpanOfAttention).is_empty());
}

#[test]
fn who_can_help_lists_talents_with_free_hours_most_room_first() {
    // Three people with a talent "Excel": one free, one half booked, one full; a fourth
    // without it.
    let mut mensen = vec![
        persoon("vol", "e", 36.0),
        persoon("half", "e", 36.0),
        persoon("vrij", "e", 36.0),
        persoon("anders", "e", 36.0),
    ];
    for p in &mut mensen[..3] {
        p.talenten = vec!["Excel".into(), "subsidies".into()];
    }
    mensen[3].talenten = vec!["juridisch".into()];
    let w = werkmap(
        org(vec![eenheid("e", &[])], mensen),
        vec![bord(
            "b",
            vec![
                inzet("vol", 36.0, "2026-W10", "2026-W13", InzetStatus::Toegezegd),
                inzet("half", 18.0, "2026-W10", "2026-W11", InzetStatus::Gevraagd),
            ],
            vec![],
        )],
    );
    let weken = capacity::horizon(week("2026-W10"), 2);
    let o = w.organisatie.as_ref().unwrap();
    let h = capacity::wie_kan_helpen(o, &w.borden, "excel", &weken);
    let ids: Vec<&str> = h.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["vrij", "half", "vol"]);
    assert_eq!(h[0].vrij, 36.0);
    assert_eq!(h[1].vrij, 18.0, "a request counts as planned");
    assert_eq!(h[2].vrij, 0.0);
    assert_eq!(h[0].talenten, ["Excel"], "the talent that matched");
    // A name matches too; nobody matches nothing.
    assert_eq!(
        capacity::wie_kan_helpen(o, &w.borden, "Persoon anders", &weken).len(),
        1
    );
    assert!(capacity::wie_kan_helpen(o, &w.borden, "tuinieren", &weken).is_empty());
}
