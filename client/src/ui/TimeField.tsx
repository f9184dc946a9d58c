// A time of day typed as hh:mm on a 24-hour clock whatever the browser's own locale (React Aria's time field), read
// and written as '14:30'; an incomplete time is not written.
import { useTranslation } from 'react-i18next';
import { parseTime } from '@internationalized/date';
import { DateInput, DateSegment, Label, Text, TimeField as AriaTimeField } from 'react-aria-components/TimeField';
import { I18nProvider } from 'react-aria-components/I18nProvider';

interface Props {
  id: string;
  label: string;
  /** 'hh:mm', or '' for none. */
  value: string;
  onChange: (time: string) => void;
  error?: string | false;
}

const time = (hhmm: string) => {
  try {
    return hhmm ? parseTime(hhmm) : null;
  } catch {
    return null;
  }
};

export function TimeField({ id, label, value, onChange, error }: Props) {
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={i18n.language === 'en' ? 'en-GB' : 'fr-FR'}>
      <AriaTimeField
        id={id}
        className="field date-field"
        value={time(value)}
        onChange={(next) => onChange(next ? next.toString().slice(0, 5) : '')}
        granularity="minute"
        hourCycle={24}
        shouldForceLeadingZeros
        isInvalid={Boolean(error)}
      >
        <Label className="field-label">{label}</Label>
        <DateInput className="date-input">
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </DateInput>
        {error ? (
          <Text slot="errorMessage" className="error" role="alert">
            {error}
          </Text>
        ) : null}
      </AriaTimeField>
    </I18nProvider>
  );
}
