//! Inrichting: the organisation's clusters, units and opgaven, each with what describes it,
//! as a table whose cells are cut with "…" and never mid-value without it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::Theme;
use super::widgets::ellipsis;
use crate::app::App;
use crate::app::inrichting::{Rij, Soort};
use crate::domain::Organisatie;
use crate::wording;

/// The view: the title and keys, then one table of the three sections.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    super::widgets::header(
        frame,
        area,
        wording::inrichting_titel(),
        wording::inrichting_toetsen(),
        theme,
    );
    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    let Some(org) = &app.session.werkmap.organisatie else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                app.session.capaciteit_uit.clone().unwrap_or_default(),
                theme.conflict,
            )),
            body,
        );
        return;
    };
    let rijen = app.views.inrichting.rijen(&app.session);
    let sel = app.views.inrichting.row.min(rijen.len().saturating_sub(1));
    let w = usize::from(area.width);
    // Name column a third of the width, the rest for what describes the item.
    let naam_w = (w / 3).clamp(12, 40);
    // What the table leaves: the marker, the name column and two gaps.
    let rest_w = w.saturating_sub(1 + naam_w + 1 + 2);
    let rows = rijen.iter().enumerate().map(|(i, r)| {
        let selected = i == sel;
        let marker = Cell::from(if selected { "▶" } else { " " }).style(theme.accent);
        match r {
            Rij::Kop(s) => Row::new([
                marker,
                Cell::from(Line::from(Span::styled(kop(org, *s), theme.accent))),
                Cell::from(""),
            ]),
            _ => {
                let naam = crate::app::inrichting::naam_van(org, *r);
                Row::new([
                    marker,
                    Cell::from(ellipsis(&format!("  {naam}"), naam_w)).style(if selected {
                        theme.selected
                    } else {
                        theme.text
                    }),
                    // Whole items only: "regulier 50%" never becomes "regulier 50".
                    Cell::from(whole_or_cut(&details(org, *r), rest_w)).style(theme.dim),
                ])
            }
        }
    });
    let widths = [
        Constraint::Length(1),
        Constraint::Length(naam_w as u16 + 1),
        Constraint::Fill(1),
    ];
    let h = usize::from(body.height);
    let mut state = TableState::default()
        .with_offset(super::widgets::first_visible(sel, h))
        .with_selected(Some(sel));
    frame.render_stateful_widget(Table::new(rows, widths).column_spacing(1), body, &mut state);
}

/// The items of `a · b · c` that fit whole; the first cut with "…" if even it does not.
fn whole_or_cut(s: &str, w: usize) -> String {
    match super::widgets::whole_items(s, w) {
        x if x.is_empty() => ellipsis(s, w),
        x => x,
    }
}

/// A section's heading with its count.
fn kop(org: &Organisatie, s: Soort) -> String {
    match s {
        Soort::Clusters => wording::kop_clusters(org.clusters.len()),
        Soort::Eenheden => wording::kop_eenheden(org.eenheden.len()),
        Soort::Opgaven => wording::kop_opgaven(org.opgaven.len()),
        Soort::Mensen => wording::kop_mensen_inrichting(org.mensen.len()),
    }
}

/// What describes an item, in one line of `a · b · c`.
fn details(org: &Organisatie, r: Rij) -> String {
    let cluster = |id: &str| org.cluster(id).map_or(id.to_string(), |c| c.naam.clone());
    let persoon = |id: &str| org.persoon(id).map_or(id.to_string(), |p| p.naam.clone());
    match r {
        Rij::Kop(_) => String::new(),
        Rij::Cluster(i) => {
            let id = &org.clusters[i].id;
            let n = org.eenheden.iter().filter(|e| &e.cluster == id).count();
            wording::cluster_details(n)
        }
        Rij::Eenheid(i) => {
            let e = &org.eenheden[i];
            let mensen = org.mensen.iter().filter(|p| p.eenheid == e.id).count();
            let cocos: Vec<String> = e.cocos.iter().map(|c| persoon(c)).collect();
            wording::eenheid_details(&cluster(&e.cluster), &cocos, mensen, e.regulier_aandeel)
        }
        Rij::Persoon(i) => {
            let p = &org.mensen[i];
            let eenheid = org
                .eenheid(&p.eenheid)
                .map_or(p.eenheid.as_str(), |e| e.naam.as_str());
            wording::persoon_details(eenheid, p.uren, &p.talenten)
        }
        Rij::Opgave(i) => {
            let o = &org.opgaven[i];
            wording::opgave_details(
                wording::fase(o.fase),
                o.cluster.as_deref().map(cluster).as_deref(),
                o.adviseur.as_deref().map(persoon).as_deref(),
                o.portefeuillehouder.as_deref(),
            )
        }
    }
}
