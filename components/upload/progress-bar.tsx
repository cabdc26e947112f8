export function ProgressBar({
  percent,
  label,
  valueText,
  indeterminate = false,
}: {
  percent: number;
  label: string;
  valueText: string;
  indeterminate?: boolean;
}) {
  const value = Math.max(0, Math.min(100, percent));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : Math.floor(value)}
      aria-valuetext={valueText}
      className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      <div
        className={
          indeterminate
            ? "h-full w-1/3 animate-pulse rounded-full bg-brand-500"
            : "h-full rounded-full bg-brand-500 transition-[width] duration-150 ease-linear"
        }
        style={indeterminate ? undefined : { width: `${value}%` }}
      />
    </div>
  );
}
