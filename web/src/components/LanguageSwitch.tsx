import { useI18n } from '../i18n/I18n';

/** Switches between English and Chinese; each button names its language in that language. */
export default function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')} data-testid="lang-en">
        English
      </button>
      <button type="button" lang="zh" aria-pressed={lang === 'zh'} onClick={() => setLang('zh')} data-testid="lang-zh">
        中文
      </button>
    </div>
  );
}
