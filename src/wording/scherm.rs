//! The terminal screens: overview, board, card, forms, capacity, conflicts and inzet.

use super::*;

// ---- the terminal UI ------------------------------------------------------------------------

pub fn titel_verplicht() -> &'static str {
    "een kaart heeft een titel nodig"
}
pub fn ongeldige_uren(s: &str) -> String {
    format!("ongeldige uren \"{s}\": typ bijvoorbeeld 7,5")
}
pub fn bord_verdwenen(bestand: &str) -> String {
    format!("{bestand} is verwijderd door iemand anders")
}
pub fn kaart_verdwenen(id: &str) -> String {
    format!("kaart {id} is intussen door iemand anders verwijderd; de wijziging is niet toegepast")
}
pub fn wijziging_verloren(ids: &[String]) -> String {
    format!(
        "je wijziging aan kaart {} is niet toegepast: die kaart is intussen door iemand anders verwijderd",
        ids.join(", ")
    )
}
pub fn niets_ongedaan() -> &'static str {
    "niets om ongedaan te maken"
}
pub fn herladen(bestand: &str) -> String {
    format!("herladen: {bestand} is gewijzigd op schijf")
}
pub fn herladen_met_eigen(bestand: &str) -> String {
    format!("{bestand}: samengevoegd met de wijziging van een collega")
}
pub fn fouten_in_werkmap(n: usize) -> String {
    if n == 1 {
        "1 bestand met een fout (zie `planbord controleer`)".into()
    } else {
        format!("{n} fouten in de werkmap (zie `planbord controleer`)")
    }
}
pub fn vandaag_kop(d: chrono::NaiveDate) -> String {
    format!(
        "vandaag {} (week {})",
        d.format("%d-%m-%Y"),
        crate::domain::Week::of(d).number()
    )
}
pub fn geen_borden() -> &'static str {
    " Nog geen borden. I: inrichting (clusters, eenheden, opgaven, mensen); b maakt daar een bord."
}
pub fn gewijzigd(t: chrono::NaiveDateTime) -> String {
    format!("gewijzigd {}", t.format("%d-%m %H:%M"))
}
pub fn lege_kolom() -> &'static str {
    " (leeg)"
}
pub fn geen_eigenaar() -> &'static str {
    "geen eigenaar"
}
pub fn strip_titel() -> &'static str {
    " Belasting komende weken (⚠ = meer gepland dan beschikbaar) "
}
pub fn kop_conflicten_kaart() -> &'static str {
    "Conflicten"
}
pub fn kop_notities(n: usize) -> String {
    if n == 0 {
        "Notities: geen (a = notitie toevoegen)".into()
    } else {
        format!("Notities ({n}), nieuwste eerst")
    }
}
pub fn kaart_venster_titel() -> &'static str {
    " Kaart (e = bewerken, a = notitie, Esc = terug) "
}
pub fn notitie_titel(kaart: &str) -> String {
    format!("Notitie bij \"{kaart}\"")
}
pub fn notitie_hint(wie: &str) -> String {
    format!("Enter bewaart (ondertekend door {wie}), Esc annuleert")
}
pub fn verwijderen_titel() -> &'static str {
    " Kaart verwijderen? "
}
pub fn verwijderen_vraag() -> &'static str {
    "j = ja, verwijderen (u maakt het ongedaan) · andere toets = nee"
}
pub fn hulp_voet(muis: bool) -> Vec<String> {
    let mut v = vec!["  Elke wijziging wordt meteen opgeslagen; een bestand dat een collega opslaat wordt vanzelf herladen.".to_string()];
    if muis {
        v.push("  Muis: klik kiest een bord of kaart, het wiel scrolt. Tekst selecteren: houd Shift ingedrukt, of zet `muis: false` in de config.".into());
    } else {
        v.push("  De muis staat uit (`muis: false` in de config): de terminal selecteert tekst zoals gewoonlijk.".into());
    }
    v.push("  Esc (of een andere toets) sluit deze hulp.".into());
    v
}
pub fn nieuwe_kaart() -> &'static str {
    "Nieuwe kaart"
}
pub fn kaart_bewerken() -> &'static str {
    "Kaart bewerken"
}
pub fn geen_persoon_gevonden(gezocht: &str) -> String {
    format!(
        "niemand heet \"{gezocht}\": typ een deel van een naam, of maak het veld leeg voor geen eigenaar"
    )
}
/// The short owner hint, when the long one does not fit.
pub fn kies_hint_kort() -> &'static str {
    "←/→ kiest"
}
pub fn kies_hint(n: usize) -> String {
    format!("←/→ kiest ({n} mensen), typ om te zoeken")
}
pub fn form_datum_hint() -> &'static str {
    "  Datum: 23-11-2026, 2026-11-23 of 23-11 · uren: 7,5 of 7.5 · leeg = geen"
}
pub fn ongeldige_datum(veld: &str, tekst: &str) -> String {
    format!(
        "{veld}: \"{tekst}\" is geen datum; schrijf bijvoorbeeld 23-11-2026, 2026-11-23 of 23-11"
    )
}
pub fn start_na_deadline_formulier(
    start: crate::domain::Datum,
    deadline: crate::domain::Datum,
) -> String {
    format!(
        "de start ({}) ligt na de deadline ({}): pas een van beide aan",
        super::datum(start),
        super::datum(deadline)
    )
}
pub fn form_hint() -> &'static str {
    "  Tab/↓ volgend veld · ↑ vorig · Enter opslaan · Esc annuleren"
}
/// The keys while the description has the focus: Enter is a new line there.
pub fn form_hint_omschrijving() -> &'static str {
    "  Enter nieuwe regel · Ctrl-s opslaan · Tab volgend veld · Esc annuleren"
}
pub fn niet_opslaan_onleesbaar(bestand: &str) -> String {
    format!(
        "{bestand} is niet op te slaan: het bestand op schijf bevat een fout en wordt niet overschreven"
    )
}
pub fn geen_conflicten_kort() -> &'static str {
    "geen conflicten"
}
pub fn gevraagd_label(met: bool) -> &'static str {
    if met {
        "met gevraagde inzet (g: zonder)"
    } else {
        "ZONDER gevraagde inzet: wat als niets wordt toegezegd (g: met)"
    }
}
pub fn capaciteit_voet() -> &'static str {
    " ⚠ = meer gepland dan beschikbaar · Enter zoomt in · ←/→ andere weken · Esc terug"
}
pub fn geen_mensen() -> &'static str {
    " Geen mensen in deze eenheid."
}
pub fn inzet_achter_cijfers() -> &'static str {
    " Inzet achter deze cijfers (Enter opent het bord)"
}
pub fn geen_inzet() -> &'static str {
    "   Geen inzet in deze weken."
}
pub fn inzet_status(s: crate::domain::InzetStatus) -> &'static str {
    use crate::domain::InzetStatus::*;
    match s {
        Gevraagd => "gevraagd",
        Toegezegd => "toegezegd",
        Afgewezen => "afgewezen",
    }
}
pub fn ernst_kop(e: crate::capacity::Ernst, n: usize) -> String {
    use crate::capacity::Ernst::*;
    let naam = match e {
        Hoog => "Hoog",
        Midden => "Midden",
        Laag => "Laag",
    };
    format!("{naam} ({n})")
}
pub fn geen_conflicten_hier() -> &'static str {
    " Geen conflicten (met dit filter)."
}
pub fn conflict_detail_titel() -> &'static str {
    " Toelichting (Enter: naar de bron) "
}
pub fn kies_persoon() -> &'static str {
    "kies een persoon"
}
pub fn uren_verplicht() -> &'static str {
    "vul de uren per week in"
}
pub fn ongeldige_week(s: &str) -> String {
    format!("ongeldige week \"{s}\": typ bijvoorbeeld 2026-W50, 50 of 14-12-2026")
}
pub fn alleen_coco(eenheid: &str, cocos: &[String]) -> String {
    if cocos.is_empty() {
        format!("alleen een CoCo van {eenheid} besluit hierover")
    } else {
        format!(
            "alleen de CoCo van {eenheid} ({}) besluit hierover",
            cocos.join(" of ")
        )
    }
}
pub fn inzet_gevraagd() -> &'static str {
    "capaciteit gevraagd: de CoCo beslist"
}
pub fn inzet_gewijzigd() -> &'static str {
    "inzet gewijzigd"
}
pub fn inzet_ingetrokken() -> &'static str {
    "inzet ingetrokken"
}
pub fn niets_in_te_trekken() -> &'static str {
    "deze inzet is al afgelopen of afgewezen"
}
pub fn al_toegezegd() -> &'static str {
    "deze inzet is al toegezegd"
}
pub fn minder_uren(gevraagd: f64, toegezegd: f64) -> String {
    format!(
        "gevraagd: {} u/week; toegezegd: {} u/week (meer past niet)",
        getal(gevraagd),
        getal(toegezegd)
    )
}
pub fn overgedragen_aan(naam: &str) -> String {
    format!("afgewezen; dezelfde uren zijn toegezegd door {naam}")
}
pub fn in_plaats_van(naam: &str) -> String {
    format!("toegezegd in plaats van {naam}")
}
pub fn naar_pmo() -> &'static str {
    "nog niet besloten: naar het PMO-overleg"
}
pub fn besluit_vastgelegd() -> &'static str {
    "besluit vastgelegd"
}
pub fn inzet_afgewezen() -> &'static str {
    "inzet afgewezen"
}
pub fn alle_eenheden() -> &'static str {
    "alle eenheden (geen gebruiker ingesteld)"
}
pub fn eenheden_van(naam: &str) -> String {
    format!("eenheden van {naam}")
}
pub fn alle_eenheden_alleen_kijken() -> &'static str {
    "alle eenheden (de CoCo van de eenheid besluit)"
}
pub fn inbox_toetsen_geen_coco() -> &'static str {
    " Enter persoon · Esc terug · toezeggen of afwijzen doet de CoCo"
}
pub fn inzet_toetsen_geen_coco() -> &'static str {
    " n vragen · e wijzigen · w intrekken · Enter persoon · Esc terug"
}
pub fn inbox_toetsen() -> &'static str {
    " t toezeggen · x afwijzen · Enter persoon · Esc terug"
}
pub fn vragen_vanuit_bord() -> &'static str {
    "capaciteit vraag je vanuit het team van een bord: open het bord en druk t, dan n"
}
pub fn inzet_toetsen() -> &'static str {
    " n vragen · e wijzigen · w intrekken · t toezeggen · x afwijzen · Enter persoon · Esc terug"
}
pub fn inzet_detail_titel(naam: &str, eenheid: &str) -> String {
    format!(" {naam} ({eenheid}): belasting met en zonder deze inzet ")
}
pub fn persoon_met() -> &'static str {
    " persoon, met"
}
pub fn persoon_zonder() -> &'static str {
    " persoon, zonder"
}
pub fn eenheid_met() -> &'static str {
    " eenheid, met"
}
pub fn eenheid_zonder() -> &'static str {
    " eenheid, zonder"
}
pub fn afwijzen_titel(naam: &str, uren: f64) -> String {
    format!("{} u/week van {naam} afwijzen", getal(uren))
}
pub fn afwijzen_hint() -> &'static str {
    "Reden (mag leeg; geen medische of persoonlijke details). Enter wijst af, Esc annuleert."
}
pub fn inzet_vragen_titel() -> &'static str {
    "Capaciteit vragen"
}
pub fn inzet_wijzigen_titel() -> &'static str {
    "Inzet wijzigen"
}
pub fn inzet_form_hint() -> &'static str {
    "  Week: 2026-W50, 50 of een datum · uren: 7,5 · meer uren of weken: opnieuw gevraagd"
}
pub fn toezeggen_vraag(
    naam: &str,
    uren: f64,
    van: crate::domain::Week,
    tot: crate::domain::Week,
) -> String {
    format!(
        " {} u/week van {naam}, {}, toezeggen?",
        getal(uren),
        weken(van, tot)
    )
}
/// In which weeks: `in week 50`, or `in 10 weken (week 49 t/m week 6); het zwaarst in week 52`.
fn in_weken(weken: &[crate::domain::Week], zwaarst: crate::domain::Week) -> String {
    match (weken.first(), weken.last()) {
        (Some(&a), Some(&b)) if weken.len() > 1 => format!(
            "in {} weken ({}); het zwaarst in {}",
            weken.len(),
            super::weken(a, b),
            week_nr(zwaarst)
        ),
        _ => format!("in {}", week_nr(zwaarst)),
    }
}
pub fn overboekt_door(
    naam: &str,
    weken: &[crate::domain::Week],
    (w, gepland, beschikbaar): (crate::domain::Week, f64, f64),
) -> String {
    format!(
        "{naam} is dan {} overboekt: {} u gepland bij {} u beschikbaar.",
        in_weken(weken, w),
        getal(gepland),
        getal(beschikbaar)
    )
}
pub fn eenheid_vol(
    weken: &[crate::domain::Week],
    (w, gepland, beschikbaar): (crate::domain::Week, f64, f64),
) -> String {
    format!(
        "De eenheid is dan {} overbelast: {} u gepland bij {} u beschikbaar.",
        in_weken(weken, w),
        getal(gepland),
        getal(beschikbaar)
    )
}
pub fn keuze_toch(uren: f64) -> String {
    format!("Toch toezeggen ({} u/week)", getal(uren))
}
pub fn keuze_minder(uren: f64) -> String {
    format!("Minder uren toezeggen: {} u/week (wat past)", getal(uren))
}
pub fn keuze_ander(naam: &str, vrij: f64) -> String {
    format!(
        "Een collega van de eenheid: {naam} ({} u/week vrij); dit verzoek wordt afgewezen",
        getal(vrij)
    )
}
pub fn keuze_pmo() -> &'static str {
    "Laten staan als gevraagd, voor het PMO-overleg"
}
pub fn keuze_hint() -> &'static str {
    " ↑/↓ of een cijfer kiest · Enter voert uit · Esc annuleert"
}
pub fn besluit_titel() -> &'static str {
    " Toezeggen zou iemand overbelasten "
}
pub fn ongeldige_duur(s: &str) -> String {
    format!("ongeldige duur \"{s}\": typ bijvoorbeeld 30s of 2m")
}
/// "id  name" lines under a message that asks to choose.
pub fn keuzelijst(keuzes: &[(String, String)]) -> String {
    let w = keuzes
        .iter()
        .map(|(id, _)| id.chars().count())
        .max()
        .unwrap_or(0);
    keuzes
        .iter()
        .map(|(id, naam)| format!("\n  {id:w$}  {naam}"))
        .collect()
}
pub fn onbekend_bord_of_cluster(s: &str, keuzes: &[(String, String)]) -> String {
    if s.is_empty() {
        return "deze werkmap heeft geen borden".into();
    }
    format!(
        "geen bord of cluster `{s}` in deze werkmap; noem een id, een naam of een deel ervan:{}",
        keuzelijst(keuzes)
    )
}
pub fn meerdere_borden(s: &str, keuzes: &[(String, String)]) -> String {
    format!(
        "`{s}` past bij meer dan één; noem er één:{}",
        keuzelijst(keuzes)
    )
}
pub fn cluster_zonder_borden(id: &str) -> String {
    format!("cluster `{id}` heeft geen clusterkamer en geen opgaven met een bord")
}
pub fn keuze_weken(van: crate::domain::Week, tot: crate::domain::Week) -> String {
    format!("Andere weken toezeggen: {} (dan past het)", weken(van, tot))
}
pub fn andere_weken(van: crate::domain::Week, tot: crate::domain::Week) -> String {
    format!(
        "gevraagd voor {}; toegezegd in latere weken",
        weken(van, tot)
    )
}
pub fn venster_te_klein(b: u16, h: u16, min_b: u16, min_h: u16) -> String {
    format!("venster te klein ({b}×{h}; minstens {min_b}×{min_h})")
}
pub fn niets_gefilterd() -> &'static str {
    " (niets past bij het filter)"
}
/// A date on a card: `14-12` in this year, `01-01-27` in another.
pub fn korte_datum(d: crate::domain::Datum, vandaag: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if d.0.year() == vandaag.year() {
        d.0.format("%d-%m").to_string()
    } else {
        d.0.format("%d-%m-%y").to_string()
    }
}
pub fn reden_verplicht() -> &'static str {
    "schrijf waarom je toch toezegt: het besluit wordt met reden vastgelegd"
}
pub fn toch_titel(naam: &str, uren: f64) -> String {
    format!(
        "Waarom toch {} u/week van {naam} toezeggen?",
        super::getal(uren)
    )
}
pub fn toch_hint() -> &'static str {
    "Enter legt het besluit met deze reden vast · Esc terug naar de keuzes"
}
/// What a request does to the person: `Fleur Mulder, week 52: 95% → 120%`.
pub fn voorbeeld(
    naam: &str,
    week: crate::domain::Week,
    zonder: Option<f64>,
    met: Option<f64>,
) -> String {
    let pct = |b: Option<f64>| b.map_or_else(|| "– (afwezig)".to_string(), super::procent);
    format!(
        "{naam}, zwaarste week {}: {} → {} met dit verzoek",
        week.number(),
        pct(zonder),
        pct(met)
    )
}
pub fn gevraagd_door(
    wie: &str,
    wanneer: crate::domain::Moment,
    toelichting: Option<&str>,
) -> String {
    let m = toelichting.map(|m| format!(": {m}")).unwrap_or_default();
    let op = datum(crate::domain::Datum(wanneer.0.date()));
    format!(" Gevraagd door {wie} op {op}{m}")
}
pub fn besloten_door(
    wie: &str,
    wanneer: crate::domain::Moment,
    toelichting: Option<&str>,
) -> String {
    let t = toelichting.map(|t| format!(": {t}")).unwrap_or_default();
    let op = datum(crate::domain::Datum(wanneer.0.date()));
    format!(" Besluit van {wie} op {op}{t}")
}
pub fn mijn_zonder_gebruiker() -> &'static str {
    "\"mijn\" kent je niet: zet `gebruiker` (je persoon-id) in de config, zie de README"
}
/// The help window's bottom border when it scrolls: where it is, and how to move.
pub fn hulp_scrollen(scroll: usize, max: usize) -> String {
    match (scroll, scroll >= max) {
        (0, _) => " ↓/j: meer · andere toets sluit ".into(),
        (_, true) => " ↑/k: terug · andere toets sluit ".into(),
        _ => " ↑/↓: scrollen · andere toets sluit ".into(),
    }
}
/// The bottom border of a column that scrolls: the cards above and below the ones shown.
pub fn kaarten_buiten_beeld(boven: usize, onder: usize) -> String {
    match (boven, onder) {
        (0, o) => format!(" ↓ {o} meer "),
        (b, 0) => format!(" ↑ {b} meer "),
        (b, o) => format!(" ↑ {b} · ↓ {o} meer "),
    }
}
pub fn kop_omschrijving() -> &'static str {
    "Omschrijving"
}
pub fn archief_zichtbaar() -> &'static str {
    "archief zichtbaar: ook de oude klaar-kaarten (A verbergt ze)"
}
pub fn archief_verborgen() -> &'static str {
    "archief verborgen (A toont het)"
}
/// The count of a column's header for the archived cards it hides.
pub fn in_archief(n: usize, kort: bool) -> String {
    if kort {
        format!("+{n} ")
    } else {
        format!("+{n} archief ")
    }
}
/// A person's free hours per week in a request's weeks.
pub fn vrij_per_week(v: f64) -> String {
    format!("{} u/week vrij", super::getal(v.max(0.0)))
}
pub fn naam_verplicht() -> &'static str {
    "een naam is verplicht"
}
pub fn cluster_verplicht() -> &'static str {
    "een eenheid hoort bij een cluster: vul de cluster in"
}
pub fn niet_gevonden(soort: &str, tekst: &str) -> String {
    format!("geen {soort} heet \"{tekst}\"")
}
pub fn meerdere_gevonden(soort: &str, tekst: &str, namen: &[String]) -> String {
    let mut lijst = namen.iter().take(4).cloned().collect::<Vec<_>>().join(", ");
    if namen.len() > 4 {
        lijst.push_str(&format!(" en nog {}", namen.len() - 4));
    }
    format!("meer dan één {soort} past bij \"{tekst}\" ({lijst}): typ meer van de naam")
}
pub fn ongeldig_aandeel(tekst: &str) -> String {
    format!("aandeel \"{tekst}\" niet begrepen: bijvoorbeeld 60% of 0,6")
}
pub fn aangemaakt(naam: &str) -> String {
    format!("{naam} aangemaakt")
}
pub fn bijgewerkt(naam: &str) -> String {
    format!("{naam} bijgewerkt")
}
pub fn verwijderd(naam: &str) -> String {
    format!("{naam} verwijderd")
}
pub fn verwijzing(soort: &str, naam: &str) -> String {
    format!("{soort} {naam}")
}
/// Removing is refused: at most three of what refers to it, then how many more.
pub fn niet_te_verwijderen(naam: &str, refs: &[String]) -> String {
    let mut lijst = refs.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    if refs.len() > 3 {
        lijst.push_str(&format!(" en nog {}", refs.len() - 3));
    }
    let werkwoord = if refs.len() == 1 {
        "verwijst"
    } else {
        "verwijzen"
    };
    format!("{naam} blijft: {lijst} {werkwoord} ernaar")
}
pub fn inrichting_titel() -> &'static str {
    " Inrichting · clusters, eenheden, opgaven en mensen"
}
pub fn inrichting_toetsen() -> &'static str {
    " n nieuw · e wijzigen · d verwijderen · b bord maken · Esc terug · u ongedaan maken"
}
pub fn kop_clusters(n: usize) -> String {
    format!("Clusters ({n})")
}
pub fn kop_eenheden(n: usize) -> String {
    format!("Eenheden ({n})")
}
pub fn kop_opgaven(n: usize) -> String {
    format!("Opgaven ({n})")
}
pub fn cluster_details(eenheden: usize) -> String {
    match eenheden {
        1 => "1 eenheid".into(),
        n => format!("{n} eenheden"),
    }
}
pub fn eenheid_details(
    cluster: &str,
    cocos: &[String],
    mensen: usize,
    aandeel: Option<f64>,
) -> String {
    let mut parts = vec![
        cluster.to_string(),
        if mensen == 1 {
            "1 persoon".to_string()
        } else {
            format!("{mensen} mensen")
        },
    ];
    parts.push(if cocos.is_empty() {
        "geen CoCo".to_string()
    } else {
        format!("CoCo {}", cocos.join(", "))
    });
    if let Some(a) = aandeel {
        parts.push(format!("regulier {:.0}%", a * 100.0));
    }
    parts.join(" · ")
}
pub fn opgave_details(
    fase: &str,
    cluster: Option<&str>,
    adviseur: Option<&str>,
    ph: Option<&str>,
) -> String {
    let mut parts = vec![fase.to_string()];
    if let Some(c) = cluster {
        parts.push(c.to_string());
    }
    parts.push(adviseur.map_or("geen adviseur".to_string(), |a| format!("adviseur {a}")));
    if let Some(p) = ph {
        parts.push(format!("portefeuillehouder {p}"));
    }
    parts.join(" · ")
}
/// The title of the form that makes or changes a cluster, unit or opgave.
pub fn org_form_titel(soort: &str, nieuw: bool) -> String {
    if nieuw {
        format!(" Nieuwe {soort} ")
    } else {
        format!(" {} wijzigen ", {
            let mut c = soort.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
    }
}
pub fn org_form_hint() -> &'static str {
    "  Tab/↓ volgend veld · Enter opslaan · Esc annuleren · namen mogen, of een uniek deel"
}
pub fn bord_bestaat_al(bestand: &str) -> String {
    format!("{bestand} bestaat al: open dat bord, of geef de opgave een andere naam")
}
pub fn bord_aangemaakt(titel: &str, bestand: &str) -> String {
    format!("bord {titel} aangemaakt ({bestand})")
}
pub fn sjabloon_naam(s: crate::domain::Sjabloon) -> &'static str {
    match s {
        crate::domain::Sjabloon::Standaard => "standaard: Te doen, Bezig, Wacht op, Klaar",
        crate::domain::Sjabloon::TotHetEinde => {
            "tot het einde: Te doen, Bezig, Wacht op, Resultaat zichtbaar, Gevierd en geëvalueerd"
        }
    }
}
pub fn sjabloon_titel(titel: &str) -> String {
    format!("Bord voor {titel}: kies de kolommen")
}
pub fn bord_kies_opgave() -> &'static str {
    "kies een opgave (opgaveteam) of een cluster (clusterkamer) voor het nieuwe bord"
}
pub fn nog_geen_bord() -> &'static str {
    "nog geen bord: b maakt er een"
}
pub fn sjabloon_hint() -> &'static str {
    "  ↑/↓ kiest · Enter maakt het bord · Esc annuleren"
}
pub fn ongeldige_wip(t: &str) -> String {
    format!("WIP-limiet \"{t}\": een heel getal vanaf 1, of leeg voor geen")
}
pub fn ja_of_nee(t: &str) -> String {
    format!("klaar-kolom \"{t}\": ja of nee")
}
pub fn kolom_verplaatst(naam: &str) -> String {
    format!("kolom {naam} verplaatst")
}
pub fn kolom_verwijderd(naam: &str) -> String {
    format!("kolom {naam} verwijderd")
}
pub fn laatste_kolom() -> &'static str {
    "een bord houdt minstens één kolom"
}
pub fn kolom_niet_leeg(naam: &str, kaarten: usize, naar: &str) -> String {
    let wat = if kaarten == 1 {
        "1 kaart".to_string()
    } else {
        format!("{kaarten} kaarten")
    };
    format!("d nogmaals: {wat} naar {naar}, dan gaat {naam} weg")
}
pub fn kolommen_titel(bord: &str) -> String {
    format!(" Kolommen van {bord} ")
}
pub fn kolommen_hint() -> &'static str {
    "  n nieuw · e wijzigen · ←/→ verplaatsen · d verwijderen · Esc klaar · u ongedaan"
}
pub fn kolom_form_hint() -> &'static str {
    "  Tab volgend veld · WIP leeg = geen · klaar: ja of nee · Enter opslaan · Esc terug"
}
/// A line of the columns dialog.
pub fn kolom_regel(naam: &str, wip: Option<u32>, klaar: bool, kaarten: usize) -> String {
    let mut parts = vec![naam.to_string()];
    if let Some(w) = wip {
        parts.push(format!("WIP {w}"));
    }
    if klaar {
        parts.push("klaar-kolom".into());
    }
    parts.push(match kaarten {
        1 => "1 kaart".into(),
        n => format!("{n} kaarten"),
    });
    parts.join(" · ")
}
pub fn eenheid_verplicht() -> &'static str {
    "iemand hoort bij een eenheid: vul de eenheid in"
}
pub fn ongeldige_werkdagen(t: &str) -> String {
    format!("werkdagen \"{t}\" niet begrepen: bijvoorbeeld ma,di,wo,do")
}
pub fn kaarten_op(n: usize, bord: &str) -> String {
    match n {
        1 => format!("1 kaart op {bord}"),
        n => format!("{n} kaarten op {bord}"),
    }
}
pub fn kop_mensen_inrichting(n: usize) -> String {
    format!("Mensen ({n})")
}
pub fn persoon_details(eenheid: &str, uren: f64, talenten: &[String]) -> String {
    let mut parts = vec![
        eenheid.to_string(),
        format!("{} u/week", super::getal_kort(uren)),
    ];
    if !talenten.is_empty() {
        parts.push(talenten.join(", "));
    }
    parts.join(" · ")
}
pub fn naam_bestaat_al(naam: &str) -> String {
    format!("er is al iets dat \"{naam}\" heet: kies een andere naam")
}
/// The name of an opgave's phase.
pub fn fase(f: crate::domain::Fase) -> &'static str {
    use crate::domain::Fase::*;
    match f {
        Verkenning => "Verkenning",
        Startnotitie => "Startnotitie",
        Uitvoering => "Uitvoering",
        ResultaatZichtbaar => "Resultaat zichtbaar",
        GevierdEnGeevalueerd => "Gevierd en geëvalueerd",
        Afgesloten => "Afgesloten",
    }
}
pub fn onbekende_fase(t: &str) -> String {
    format!(
        "fase \"{t}\" niet begrepen: Verkenning, Startnotitie, Uitvoering, Resultaat zichtbaar, \
         Gevierd en geëvalueerd of Afgesloten"
    )
}
/// Closing an opgave that was not celebrated and evaluated is refused.
pub fn niet_afsluiten(nu: crate::domain::Fase) -> String {
    format!(
        "een opgave sluit pas af na \"Gevierd en geëvalueerd\" (het resultaat is zichtbaar, \
         gevierd en geëvalueerd); deze staat op \"{}\"",
        fase(nu)
    )
}
/// Whose agenda an LTA date is on, as the card form and view show it.
pub fn lta_soort(s: Option<crate::domain::LtaSoort>) -> &'static str {
    match s {
        None => "–",
        Some(crate::domain::LtaSoort::College) => "college",
        Some(crate::domain::LtaSoort::Raad) => "raad",
    }
}
