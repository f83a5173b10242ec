import { alertThresholds } from '@luot/core';
import {
  daysInRange,
  ratingLevels,
  type CityReport,
  type CityReportFilter,
  type RatingLevel,
  type Text,
} from '@luot/protocol';
import { C, emptyFacts, fillFacts, Tallies, Tally, type Tally as TallyType } from '@luot/reports';
import type { Pool } from '../db.js';
import { forEachTicketOfOffices } from './scan.js';
import { officerNames, officeToday, type ReportOffice } from './scope.js';

/** `cb2` before `cb10`, "Đông Anh" where Vietnamese puts it. */
const natural = new Intl.Collator('vi', { numeric: true }).compare;

/**
 * The rating levels a report across offices counts in: the offices' own when they all use one
 * scale; else the five named levels, each office's level counted under the one of the same name
 * (the 3- and 4-step scales' names are all among the 5-step scale's). Returns the levels and, per
 * scale, where each of its scores goes.
 */
function commonLevels(scales: Set<3 | 4 | 5>): {
  scale: number;
  levels: RatingLevel[];
  index: Map<number, number[]>;
} {
  const scale = scales.size === 1 ? [...scales][0]! : 5;
  const levels = ratingLevels(scale);
  const index = new Map<number, number[]>();
  for (const s of [3, 4, 5] as const) {
    index.set(
      s,
      ratingLevels(s).map((l) => levels.findIndex((c) => c.label.vi === l.label.vi)),
    );
  }
  return { scale, levels, index };
}

/**
 * A report across offices (docs/city.md, "Reports"): every ticket of the offices in scope over the
 * range, counted once per ticket by the hub's own rules (`fillFacts`, each office with its own wait
 * target, rating scale and current day) and added to the whole, its office, commune, province,
 * service and officer. Offices are read one after another, the next one's query on its way while
 * one is counted; memory holds one office's two months of tickets and the durations of each group.
 */
export async function cityReport(
  pool: Pool,
  offices: ReportOffice[],
  filter: CityReportFilter,
  now = Date.now(),
): Promise<CityReport> {
  const configured = offices.filter((o) => o.config !== null);
  const { scale, levels, index } = commonLevels(new Set(configured.map((o) => o.config!.rating.scale)));
  const targets = new Set(configured.map((o) => alertThresholds(o.config!).waitMinutes));
  const names = await officerNames(
    pool,
    configured.map((o) => o.id),
  );

  const total = new Tally(levels);
  const byOffice = new Tallies<string>(levels);
  const byCommune = new Tallies<string>(levels);
  const byProvince = new Tallies<string>(levels);
  const byService = new Tallies<string>(levels);
  const byOfficer = new Tallies<string>(levels);
  const officesOfCommune = new Map<string, number>();
  const officesOfProvince = new Map<string, number>();
  const communeKey = (o: ReportOffice) => `${o.province}\u0000${o.commune}`;
  // Every office of the scope has its row, tickets or not: a branch with none is news too.
  for (const o of offices) {
    byOffice.get(o.id);
    byCommune.get(communeKey(o));
    byProvince.get(o.province);
    officesOfCommune.set(communeKey(o), (officesOfCommune.get(communeKey(o)) ?? 0) + 1);
    officesOfProvince.set(o.province, (officesOfProvince.get(o.province) ?? 0) + 1);
  }
  /** Service prefix → its name and place, from the first office that has it. */
  const services = new Map<string, { name: Text; order: number }>();

  /** Per configured office: what its tickets are counted with, and the groups they go to. */
  const plans = configured.map((o) => {
    const config = o.config!;
    for (const s of config.services) {
      if (!services.has(s.prefix)) services.set(s.prefix, { name: s.name, order: services.size });
    }
    return {
      id: o.id,
      targetMs: alertThresholds(config).waitMinutes * 60_000,
      scale: config.rating.scale,
      toCommon: index.get(config.rating.scale)!,
      today: officeToday(config, now),
      groups: [total, byOffice.get(o.id), byCommune.get(communeKey(o)), byProvince.get(o.province)],
      /** Service → officer → the tally of this office's tickets of that service and officer. */
      leaves: new Map<string, Map<string | null, TallyType>>(),
    };
  });

  let rowsScanned = 0;
  const facts = emptyFacts();
  const filterOfScan = { from: filter.from, to: filter.to, service: filter.service };
  let lastDay = '';
  let over = false;
  let plan: (typeof plans)[number] | null = null;
  // Each ticket is added to ONE tally, its office's service and officer; the groups (the whole,
  // office, commune, province, service, officer) are merged from those below, a few hundred merges
  // of whole arrays instead of six additions per ticket for 2.7 M tickets.
  await forEachTicketOfOffices(pool, plans, filterOfScan, (p, day, row) => {
    if (day !== lastDay || p !== plan) {
      plan = p;
      lastDay = day;
      over = day < p.today;
    }
    rowsScanned++;
    fillFacts(facts, row, p.targetMs, p.scale, over);
    if (typeof facts.rating === 'number') facts.rating = p.toCommon[facts.rating]!;
    const service = row[C.service];
    let officers = p.leaves.get(service);
    if (!officers) p.leaves.set(service, (officers = new Map()));
    const officer = row[C.officer];
    let t = officers.get(officer);
    if (!t) officers.set(officer, (t = new Tally(levels)));
    t.add(facts);
  });
  for (const p of plans) {
    for (const [service, officers] of p.leaves) {
      for (const [officer, t] of officers) {
        for (const g of p.groups) g.merge(t);
        byService.get(service).merge(t);
        byOfficer.get(`${p.id}\u0000${officer ?? ''}`).merge(t);
      }
    }
  }

  const byPlace = new Map(offices.map((o) => [o.id, o]));
  const serviceOrder = (a: string, b: string) =>
    (services.get(a)?.order ?? Infinity) - (services.get(b)?.order ?? Infinity) || natural(a, b);
  const entries = <K>(t: Tallies<K>) => [...t.map.entries()];
  const officePosition = new Map(offices.map((o, i) => [o.id, i]));

  return {
    filter,
    days: daysInRange(filter.from, filter.to),
    offices: offices.length,
    targetMinutes: targets.size === 1 ? [...targets][0]! : null,
    rating: { scale, levels },
    rowsScanned,
    total: total.figures(),
    // In the scope's order: province, commune, name.
    byOffice: entries(byOffice).map(([id, t]) => {
      const o = byPlace.get(id)!;
      return { office: id, name: o.name, province: o.province, commune: o.commune, ...t.figures() };
    }),
    byCommune: entries(byCommune).map(([key, t]) => {
      const [province, commune] = key.split('\u0000') as [string, string];
      return { province, commune, offices: officesOfCommune.get(key) ?? 0, ...t.figures() };
    }),
    byProvince: entries(byProvince).map(([province, t]) => ({
      province,
      offices: officesOfProvince.get(province) ?? 0,
      ...t.figures(),
    })),
    byService: entries(byService)
      .sort(([a], [b]) => serviceOrder(a, b))
      .map(([service, t]) => ({ service, name: services.get(service)?.name ?? null, ...t.figures() })),
    byOfficer: entries(byOfficer)
      .map(([key, t]) => {
        const [office, officer] = key.split('\u0000') as [string, string];
        return { office, officer: officer === '' ? null : officer, t };
      })
      .sort(
        (a, b) =>
          officePosition.get(a.office)! - officePosition.get(b.office)! ||
          (a.officer === null ? 1 : b.officer === null ? -1 : natural(a.officer, b.officer)),
      )
      .map(({ office, officer, t }) => ({
        office,
        officer,
        name: officer === null ? null : (names.get(office)?.get(officer) ?? null),
        ...t.figures(),
      })),
  };
}
