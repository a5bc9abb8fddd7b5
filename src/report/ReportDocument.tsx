import { label } from '../i18n';
import { ComparisonTable, CoverPage, DefinitionsPage, RankingTable, type Names } from './ReportPages';
import type { ReportModel } from './reportModel';
import { REPORT_TEXT } from './reportText';
import { TownPage } from './TownPage';
import { WorstCategories } from './TownPage';

/** The names a report uses: its towns', its config's units (a town for railway issues) and categories. */
export function reportNames(model: ReportModel): Names {
  const towns = new Map(model.towns.map((t) => [t.code, t.name]));
  const units = new Map(model.config.units.map((u) => [u.code, label(model.lang, u.name)]));
  const categories = new Map(model.config.categories.map((c) => [c.code, label(model.lang, c.name)]));
  const town = (code: string) => towns.get(code) ?? code;
  return {
    town,
    unit: (code) => units.get(code) ?? (code === '' ? label(model.lang, { zh: '未指定单位', en: 'No unit given' }) : town(code)),
    category: (code) => categories.get(code) ?? code,
  };
}

/**
 * The monthly assessment as a printable A4 document: a cover, the district's summary and ranking,
 * a page per town, the responsible units, and the definitions. Text stays text in the PDF.
 */
export function ReportDocument({ model }: { model: ReportModel }) {
  const { lang, detail } = model;
  const { answer } = detail;
  const names = reportNames(model);
  const t = (l: (typeof REPORT_TEXT)[keyof typeof REPORT_TEXT]) => label(lang, l);
  return (
    <main className="report" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <CoverPage model={model} />
      <section className="report__page" data-page="summary">
        <h2>
          {t(REPORT_TEXT.summary)} · {model.periodText}
        </h2>
        <ComparisonTable lang={lang} row={answer.district} />
        {(answer.unitsByDefault > 0 || answer.unitsUnknown > 0) && (
          <p className="report__note">
            {answer.unitsByDefault > 0 && `${answer.unitsByDefault} ${t(REPORT_TEXT.unitsByDefault)}. `}
            {answer.unitsUnknown > 0 && `${answer.unitsUnknown} ${t(REPORT_TEXT.unitsUnknown)}.`}
          </p>
        )}
        <h3>{t(REPORT_TEXT.townRanking)}</h3>
        <RankingTable lang={lang} rows={answer.towns} nameOf={names.town} kind="town" />
      </section>
      {model.towns.map((town) => {
        const row = answer.towns.find((r) => r.code === town.code);
        return row && <TownPage key={town.code} lang={lang} town={town} row={row} district={answer.district} detail={detail} context={model.towns} names={names} />;
      })}
      <section className="report__page" data-page="units">
        <h2>{t(REPORT_TEXT.unitRanking)}</h2>
        <RankingTable lang={lang} rows={answer.units} nameOf={names.unit} kind="unit" />
        {answer.units
          .filter((u) => u.flagged)
          .map((u) => (
            <div key={u.code} className="report__unit-worst">
              <h3>
                {names.unit(u.code)} · {t(REPORT_TEXT.worst)}
              </h3>
              <WorstCategories lang={lang} rows={detail.worstCategories[`unit:${u.code}`] ?? []} names={names} />
            </div>
          ))}
      </section>
      <DefinitionsPage model={model} />
    </main>
  );
}
