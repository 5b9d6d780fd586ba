//! Mensen: the CoCo's people with their hours, working days and absences (with their kind;
//! reasons are not kept at all).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::widgets::ellipsis;
use crate::app::App;
use crate::domain::Dag;
use crate::text;

fn dagen(d: &[Dag]) -> String {
    [
        (Dag::Ma, "ma"),
        (Dag::Di, "di"),
        (Dag::Wo, "wo"),
        (Dag::Do, "do"),
        (Dag::Vr, "vr"),
        (Dag::Za, "za"),
        (Dag::Zo, "zo"),
    ]
    .iter()
    .map(|(x, n)| if d.contains(x) { *n } else { "··" })
    .collect::<Vec<_>>()
    .join(" ")
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(org) = &app.werkmap.organisatie else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                app.capaciteit_uit.clone().unwrap_or_default(),
                theme.conflict,
            )),
            area,
        );
        return;
    };
    let rows = app.mensen_rows();
    let title = match app.gebruiker() {
        Some(g) => format!(" Mensen · {}", text::eenheden_van(&app.person_name(g))),
        None => format!(" Mensen · {}", text::alle_eenheden()),
    };
    super::widgets::header(frame, area, title, text::mensen_toetsen(), theme);
    let detail_h = 8.min(area.height.saturating_sub(4));
    let list = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2 + detail_h),
        ..area
    };
    let h = usize::from(list.height);
    let first = super::widgets::first_visible(app.mensen.row, h);
    let w = usize::from(area.width);
    let mut lines = Vec::new();
    for (i, &p) in rows.iter().enumerate().skip(first).take(h) {
        let m = &org.mensen[p];
        let selected = i == app.mensen.row;
        let eenheid = org.eenheid(&m.eenheid).map_or("", |e| e.naam.as_str());
        let next = m
            .afwezig
            .iter()
            .find(|a| a.tot.0 >= app.vandaag)
            .map(|a| format!("afwezig {} t/m {}", text::datum(a.van), text::datum(a.tot)))
            .unwrap_or_default();
        let main = format!(
            "{:<28} {:<28} {:>5} u  {}  ",
            ellipsis(&m.naam, 28),
            ellipsis(eenheid, 28),
            text::getal(m.uren),
            dagen(&m.werkdagen)
        );
        let used = main.chars().count() + 2;
        lines.push(Line::from(vec![
            Span::styled(if selected { "▶ " } else { "  " }, theme.accent),
            Span::styled(main, if selected { theme.selected } else { theme.text }),
            Span::styled(ellipsis(&next, w.saturating_sub(used)), theme.warning),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(m) = app.selected_persoon() {
        let area = Rect {
            y: list.y + list.height,
            height: detail_h,
            ..area
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.border)
            .title(Span::styled(format!(" {} ", m.naam), theme.title));
        let mut lines = vec![Line::from(Span::styled(
            format!(
                " {} u per week · {} · regulier aandeel {}",
                text::getal(m.uren),
                dagen(&m.werkdagen),
                m.regulier_aandeel
                    .map_or_else(|| "van de eenheid".to_string(), text::procent)
            ),
            theme.text,
        ))];
        if m.afwezig.is_empty() {
            lines.push(Line::from(Span::styled(" Geen afwezigheid.", theme.dim)));
        }
        for a in &m.afwezig {
            let past = a.tot.0 < app.vandaag;
            lines.push(Line::from(Span::styled(
                format!(" {}", text::afwezigheid(a)),
                if past { theme.dim } else { theme.text },
            )));
        }
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}
