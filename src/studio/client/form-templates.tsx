// RJSF's default buttons are empty <i> icons of a Bootstrap font the studio
// does not ship: sighted users saw blank buttons. These say what they do.
import type { IconButtonProps, TemplatesType } from '@rjsf/utils';

function textButton(label: string, cls: string) {
  return function TextButton(props: IconButtonProps) {
    // Everything RJSF passes that is not an HTML attribute stays out of the DOM.
    const { iconType: _t, icon: _i, className, uiSchema: _u, registry: _r, title, ...rest } = props;
    return (
      <button type="button" className={`td-form-button ${cls} ${className ?? ''}`} title={title} {...rest}>
        {label}
      </button>
    );
  };
}

export const formTemplates: Partial<TemplatesType> = {
  ButtonTemplates: {
    SubmitButton: () => null,
    AddButton: textButton('Add', 'add'),
    CopyButton: textButton('Copy', 'copy'),
    MoveDownButton: textButton('Down', 'move'),
    MoveUpButton: textButton('Up', 'move'),
    RemoveButton: textButton('Remove', 'remove'),
    ClearButton: textButton('Clear', 'clear'),
  },
};
