// A calendar date typed as jj/mm/aaaa whatever the browser's own locale (React Aria's date field, in French or
// British order), read and written as an ISO day ('2027-06-30'); an incomplete date is not written.
import { useTranslation } from 'react-i18next';
import { parseDate } from '@internationalized/date';
import { DateField as AriaDateField, DateInput, DateSegment, Label, Text } from 'react-aria-components/DateField';
import { I18nProvider } from 'react-aria-components/I18nProvider';

interface Props {
  id: string;
  label: string;
  /** An ISO day, or '' for none. */
  value: string;
  onChange: (isoDay: string) => void;
  error?: string | false;
  /** The label stays for screen readers only (a table cell, a row of controls). */
  hideLabel?: boolean;
  /** A fuller accessible name than the visible label (which must start it). */
  ariaLabel?: string;
  disabled?: boolean;
  /** Latest day allowed (ISO). */
  max?: string;
}

const day = (iso: string) => {
  try {
    return iso ? parseDate(iso) : null;
  } catch {
    return null;
  }
};

export function DateField({ id, label, value, onChange, error, hideLabel, ariaLabel, disabled, max }: Props) {
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={i18n.language === 'en' ? 'en-GB' : 'fr-FR'}>
      <AriaDateField
        id={id}
        className="field date-field"
        value={day(value)}
        onChange={(next) => onChange(next ? next.toString() : '')}
        granularity="day"
        shouldForceLeadingZeros
        isDisabled={disabled}
        isInvalid={Boolean(error)}
        maxValue={max ? day(max) : undefined}
        aria-label={ariaLabel}
      >
        <Label className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</Label>
        <DateInput className="date-input">
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </DateInput>
        {error ? (
          <Text slot="errorMessage" className="error" role="alert">
            {error}
          </Text>
        ) : null}
      </AriaDateField>
    </I18nProvider>
  );
}
