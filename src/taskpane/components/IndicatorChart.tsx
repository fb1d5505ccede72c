import type { Analysis } from "../../core/analysis";
import { fmt, type Strings } from "../strings";
import type { Styles } from "./styles";

const W = 300;
const H = 150;
const LEFT = 24;
const TOP = 8;
const BOTTOM = 18;

/** The ten indicators as bars with the framework's pass line: inline SVG, no chart library. */
export function IndicatorChart(props: { styles: Styles; t: Strings; analysis: Analysis }) {
  const { styles, t, analysis: a } = props;
  const mark = a.framework.passMark;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH * (1 - Math.max(0, Math.min(100, v)) / 100);
  const n = a.indicators.length || 1;
  const slot = (W - LEFT - 4) / n;
  const bar = Math.max(4, slot * 0.66);
  const cls = (c: string) => (c === "urgent" ? styles.barUrgent : c === "improve" ? styles.barImprove : styles.barOk);
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby="chart-title chart-desc"
      data-testid="chart"
    >
      <title id="chart-title">{fmt(t.chartTitle, { mark })}</title>
      <desc id="chart-desc">
        {fmt(t.chartDesc, { mark })}: {a.indicators.map((i) => `${i.no} ${i.score.toFixed(2)}`).join(", ")}
      </desc>
      {[0, 50, 100]
        .filter((v) => Math.abs(v - mark) >= 8)
        .map((v) => (
          <text key={v} className={styles.axisText} x={LEFT - 4} y={y(v) + 3} textAnchor="end">
            {v}
          </text>
        ))}
      {a.indicators.map((i, k) => {
        const x = LEFT + k * slot + (slot - bar) / 2;
        return (
          <g key={i.no}>
            <rect className={cls(i.class)} x={x} y={y(i.score)} width={bar} height={y(0) - y(i.score)} rx={1} />
            <text className={styles.axisText} x={x + bar / 2} y={H - 5} textAnchor="middle">
              {i.no}
            </text>
          </g>
        );
      })}
      <line className={styles.passLine} x1={LEFT} x2={W - 2} y1={y(mark)} y2={y(mark)} data-testid="pass-line" />
      <text className={styles.axisText} x={LEFT - 4} y={y(mark) + 3} textAnchor="end" fontWeight="bold">
        {mark}
      </text>
    </svg>
  );
}
