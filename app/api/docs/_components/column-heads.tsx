// The header row of the reference's tables (parameters, fields): one labelled column each.
export function ColumnHeads({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr className="border-b border-line">
        {labels.map((label, i) => (
          <th key={label} scope="col" className={i === labels.length - 1 ? "py-1" : "py-1 pr-3"}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
