import { createRoot } from 'react-dom/client';
import { ReportDocument } from './ReportDocument';
import { readReportModel } from './readReportModel';
import './report.css';

/**
 * The printable assessment. Its model comes from the page that opened it (the dashboard, through
 * localStorage under the key in the address's #hash) or from the command line's headless Chromium
 * (window.__REPORT_MODEL__). It is marked ready once its fonts and charts are drawn, for printing.
 */
const root = createRoot(document.getElementById('report')!);
const model = readReportModel(window, window.location.hash.slice(1));
if (!model.ok) root.render(<p className="report__error" role="alert">{model.error}</p>);
else {
  document.title = `${model.value.title} ${model.value.periodText}`;
  root.render(
    <>
      {!window.__REPORT_MODEL__ && (
        <div className="report__toolbar">
          <button type="button" onClick={() => window.print()}>
            {model.value.lang === 'zh' ? '打印 / 另存为 PDF' : 'Print / save as PDF'}
          </button>
        </div>
      )}
      <ReportDocument model={model.value} />
    </>,
  );
}
void document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => (document.documentElement.dataset.ready = 'true'))));
