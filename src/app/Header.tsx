import { isLiveSource, type AppConfig } from '../config';
import { translate } from '../i18n';
import { useAppStore } from '../state/store';
import { CopyLinkButton } from './CopyLinkButton';
import { ImportLauncher } from './import/ImportLauncher';
import { SearchBox } from './search/SearchBox';

export function Header({ config }: { config: AppConfig }) {
  const { lang, theme, setLang, setTheme } = useAppStore();
  return (
    <header className="header">
      <h1>{translate(lang, 'appTitle')}</h1>
      <span className="badge" data-testid="source-badge" data-source={config.source}>
        {translate(lang, config.source === 'server' ? 'sourceServer' : isLiveSource(config) ? 'sourceApi' : 'sourceStatic')}
      </span>
      <SearchBox />
      <div className="header__actions">
        <ImportLauncher />
        <CopyLinkButton />
        <button type="button" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
          {translate(lang, 'darkMode')}
        </button>
        <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh'}>
          {translate(lang, 'language')}
        </button>
      </div>
    </header>
  );
}
