//! `ogonblick channel responsible ID… [--responsible P] [--substitute S]`
//! (h-ui19): the responsible person and substitute of many channels in one
//! change, as Kanaler's bulk action does.

use std::process::ExitCode;

use clap::Args;

use ogonblick_model::messages::Column;

use super::{parse_id, Ctx};
use crate::output;

#[derive(Debug, Args)]
pub struct ResponsibleArgs {
    /// The channels' ids (as `ogonblick channel list` shows them).
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
    /// The new responsible person ("" clears).
    #[arg(long)]
    pub responsible: Option<String>,
    /// The new substitute ("" clears).
    #[arg(long)]
    pub substitute: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, a: ResponsibleArgs) -> anyhow::Result<ExitCode> {
    let ids = a
        .ids
        .iter()
        .map(|s| parse_id(s))
        .collect::<Result<Vec<_>, _>>()?;
    let app = ctx.open()?;
    let channels = app.set_channels_responsible(
        &ids,
        a.responsible.as_deref(),
        a.substitute.as_deref(),
        None,
    )?;
    output::json_or(a.json, &channels, |cs| {
        let rows: Vec<Vec<String>> = cs
            .iter()
            .map(|c| {
                let mut row = vec![c.id.to_string(), output::cut(&c.name, 30)];
                row.extend(output::people_cells(&c.responsible, &c.substitute));
                row
            })
            .collect();
        output::table_of(
            &[
                Column::Id,
                Column::Channel,
                Column::Responsible,
                Column::Substitute,
            ],
            &rows,
        )
    })?;
    Ok(ExitCode::SUCCESS)
}
