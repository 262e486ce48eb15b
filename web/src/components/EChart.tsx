import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { Loading } from './ui';

type ECharts = typeof import('./../lib/echarts').default;
let loading: Promise<ECharts> | null = null;

function loadECharts(): Promise<ECharts> {
  loading ??= import('../lib/echarts').then((module) => module.default);
  return loading;
}

/** One ECharts chart; the library loads on the first chart a page draws. */
export default function EChart({ option, height = 320, testId }: { option: EChartsCoreOption; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<ECharts['init']> | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    loadECharts().then((echarts) => {
      if (disposed || !element.current) return;
      chart.current = echarts.init(element.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(element.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, true);
  }, [ready, option]);

  return (
    <div className="chart" data-testid={testId ?? 'chart'} data-ready={ready}>
      {!ready && <Loading />}
      <div ref={element} style={{ height, width: '100%' }} />
    </div>
  );
}
