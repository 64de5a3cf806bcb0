import { parseTidpunkt } from '@lagesbild/domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** An ISO 8601 timestamp with its offset (2017-04-13T15:00:00+02:00 or …Z), a real one. */
export function Tidpunkt(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'tidpunkt',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: 'tid anges enligt ISO 8601 med tidszon, t.ex. 2017-04-13T15:00:00+02:00',
        ...options,
      },
      validator: {
        validate: (value: unknown) => value == null || parseTidpunkt(value) !== null,
      },
    });
  };
}
