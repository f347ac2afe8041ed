import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

/** The first stop of the keyboard: jump past the header and navigation to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className={classes.skipLink} href="#main">
      {t('nav.skipToContent')}
    </a>
  );
}
