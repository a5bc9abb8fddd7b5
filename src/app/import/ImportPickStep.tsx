import { useRef, useState } from 'react';
import { translate } from '../../i18n';
import { MAX_FILE_BYTES, STREAMED_FILE_BYTES } from '../../import/limits';
import type { FileProblem } from '../../import/problems';
import { fileProblemText } from '../../import/problemText';
import { useAppStore } from '../../state/store';

/** Step one: a drop zone and a file picker; a whole-file problem from the last attempt is shown above them. */
export function ImportPickStep({ problem, onFile }: { problem: FileProblem | null; onFile: (file: File) => void }) {
  const lang = useAppStore((s) => s.lang);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div className="import-pick">
      {problem && (
        <p className="import-problem" role="alert" data-testid="import-file-problem" data-code={problem.code}>
          {fileProblemText(problem, lang)}
        </p>
      )}
      <div
        className={`import-drop${over ? ' import-drop--over' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          const file = e.dataTransfer.files[0];
          if (file) onFile(file);
        }}
      >
        {translate(lang, 'import_drop')}{' '}
        <button type="button" onClick={() => input.current?.click()}>
          {translate(lang, 'import_pick')}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".geojson,.json,.geojsons,.geojsonl,.ndjson,.csv,.txt,.xlsx,.zip,.kml,.kmz,.gpkg,.fgb,application/geo+json,application/json,text/csv"
          data-testid="import-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onFile(file);
          }}
        />
        <p className="import-hint">
          GeoJSON · CSV（经度 / 纬度） · {translate(lang, 'import_limitStreamed')} {STREAMED_FILE_BYTES / 1073741824} GB · {translate(lang, 'import_limitWhole')} {MAX_FILE_BYTES / 1048576} MB
        </p>
      </div>
    </div>
  );
}
