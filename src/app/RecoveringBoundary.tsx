import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate, type Lang } from '../i18n';
import { timerDelay } from '../live/timerDelay';
import { useAppStore } from '../state/store';

interface Props {
  /** Which panel, for the restarting notice's test id and the console. */
  name: string;
  lang: Lang;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Restarts so far: the next waits 1, 2, 4 … s, at most a minute. */
  restarts: number;
}

/**
 * One panel's fault stays in that panel: it shows a calm "restarting" line instead of a blank
 * screen, and renders its panel afresh after a pause, by itself (a wall has nobody at the keyboard).
 */
class RecoveringBoundary extends Component<Props, State> {
  override state: State = { error: null, restarts: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`panel ${this.props.name} failed and restarts: ${error.message}`, info.componentStack);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.setState((s) => ({ error: null, restarts: s.restarts + 1 })), timerDelay(Math.min(60_000, 1000 * 2 ** this.state.restarts)));
  }

  override componentWillUnmount() {
    clearTimeout(this.timer);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="panel-restarting" role="status" data-testid={`restarting-${this.props.name}`}>
          {translate(this.props.lang, 'panelRestarting')}
        </div>
      );
    }
    return this.props.children;
  }
}

/** A panel behind its own error boundary (RecoveringBoundary), in the page's language. */
export function PanelBoundary({ name, children }: { name: string; children: ReactNode }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <RecoveringBoundary name={name} lang={lang}>
      {children}
    </RecoveringBoundary>
  );
}
