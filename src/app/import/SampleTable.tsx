/** A few rows as plain text cells: values from a file are never read as markup. */
export function SampleTable({ caption, columns, rows, testId }: { caption: string; columns: readonly string[]; rows: readonly Record<string, string>[]; testId: string }) {
  const shown = columns.slice(0, 12);
  return (
    <div className="import-sample-wrap">
      <table className="import-sample" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {shown.map((c) => (
                <td key={c}>{row[c]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
